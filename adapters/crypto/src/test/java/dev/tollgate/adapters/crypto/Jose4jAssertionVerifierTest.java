package dev.tollgate.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.application.grant.AssertionAlgorithm;
import dev.tollgate.application.grant.AssertionKeys;
import dev.tollgate.application.grant.JwtAssertion;
import dev.tollgate.domain.client.ClientJwks;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading and verifying assertions made by an independent JOSE library (Nimbus). */
class Jose4jAssertionVerifierTest {

    private static final String SECRET = "TTR2P4ES6cpfB2to4L6G4m2xzBm695hhMh1rg93B0DxKMNiw9n7aa9LU7316u68Z";
    private static final Instant IAT = Instant.ofEpochSecond(1_708_072_005);

    private final Jose4jAssertionVerifier verifier = new Jose4jAssertionVerifier();

    // ---- reading

    @Test
    void readsTheSeedsSampleAssertion() {
        String seed = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyb290QHN0b3JlZnJvbnQucnVuIiwiaXNzIjoiYzZiMzlkMGMt"
                + "NDVlMC00OTE3LWJmMzctMjc1OTA5MThjYjI5IiwibmFtZSI6InJvb3QiLCJpYXQiOjE3MDgwNzIwMDV9."
                + "JaFkajBD1_mLQPYnLZYny8aeYr3Y_S7qy6eBqnQamjU";
        JwtAssertion read = read(seed);
        assertEquals(AssertionAlgorithm.HS256, read.algorithm());
        assertEquals(Optional.of("c6b39d0c-45e0-4917-bf37-27590918cb29"), read.issuer());
        assertEquals(Optional.of("root@storefront.run"), read.subject());
        assertEquals(Optional.of(IAT), read.issuedAt());
        assertTrue(read.audience().isEmpty());
        assertTrue(read.view().isEmpty());
        assertFalse(read.toString().contains(seed.substring(40)), "the assertion is not shown");
    }

    @Test
    void readsEveryClaimWithItsType() throws Exception {
        JwtAssertion read = read(hs256(claims().audience(List.of("a", "b")).expirationTime(new Date(2_000_000_000_000L))
                .notBeforeTime(new Date(1_000_000_000_000L)).jwtID("j-1").claim("view", "").build(), SECRET));
        assertEquals(Optional.of(List.of("a", "b")), read.audience());
        assertEquals(Optional.of(Instant.ofEpochSecond(2_000_000_000L)), read.expiresAt());
        assertEquals(Optional.of(Instant.ofEpochSecond(1_000_000_000L)), read.notBefore());
        assertEquals(Optional.of("j-1"), read.jwtId());
        assertEquals(Optional.of(""), read.view());
        assertEquals(Optional.of(List.of("single")),
                read(hs256(claims().audience("single").build(), SECRET)).audience());
    }

    @Test
    void refusesAlgNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"c\",\"sub\":\"u@x\",\"iat\":1708072005}");
        assertMalformed(header + "." + payload + ".");
        assertMalformed(header + "." + payload + ".c2ln");
        assertMalformed(b64("{\"alg\":\"None\"}") + "." + payload + ".c2ln");
    }

    @Test
    void refusesOtherAlgorithms() {
        String payload = b64("{\"iss\":\"c\",\"iat\":1708072005}");
        for (String alg : new String[] {"HS384", "HS512", "RS384", "PS256", "ES384", "EdDSA", "hs256", ""}) {
            assertMalformed(b64("{\"alg\":\"" + alg + "\"}") + "." + payload + ".c2ln");
        }
        assertMalformed(b64("{\"alg\":256}") + "." + payload + ".c2ln");
        assertMalformed(b64("{\"typ\":\"JWT\"}") + "." + payload + ".c2ln");
    }

    @Test
    void refusesCriticalHeaders() throws Exception {
        String jwt = hs256(new JWSHeader.Builder(JWSAlgorithm.HS256).criticalParams(java.util.Set.of("exp"))
                .customParam("exp", 1).build(), claims().build(), SECRET);
        assertMalformed(jwt);
    }

    @Test
    void refusesMalformedCompactForms() throws Exception {
        String good = hs256(claims().build(), SECRET);
        String[] parts = good.split("\\.");
        assertMalformed(parts[0] + "." + parts[1]);
        assertMalformed(good + ".extra");
        assertMalformed(parts[0] + ".." + parts[2]);
        assertMalformed(parts[0] + "." + parts[1] + "=." + parts[2]);
        assertMalformed(parts[0] + "." + parts[1] + "." + parts[2] + "+");
        assertMalformed("not a jwt");
        assertMalformed("");
        assertMalformed(b64("not json") + "." + parts[1] + "." + parts[2]);
        assertMalformed(parts[0] + "." + b64("[1,2]") + "." + parts[2]);
        assertMalformed(parts[0] + "." + b64("\"text\"") + "." + parts[2]);
        assertMalformed(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[] {(byte) 0xC3, (byte) 0x28}) + "." + parts[2]);
        assertMalformed(b64("{\"alg\":\"HS256\",\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2]);
        assertMalformed(parts[0] + "." + "A".repeat(Jose4jAssertionVerifier.MAX_LENGTH) + "." + parts[2]);
    }

    @Test
    void refusesClaimsOfTheWrongType() {
        String header = b64("{\"alg\":\"HS256\"}");
        for (String payload : new String[] {
                "{\"iss\":42}", "{\"sub\":[\"a\"]}", "{\"iat\":\"1708072005\"}", "{\"exp\":true}", "{\"nbf\":{}}",
                "{\"aud\":[1]}", "{\"aud\":5}", "{\"jti\":7}", "{\"view\":1}", "{\"iat\":1e300}",
                "{\"iss\":\"a\",\"iss\":\"b\"}"}) {
            assertMalformed(header + "." + b64(payload) + ".c2ln");
        }
    }

    // ---- HS256

    @Test
    void hs256VerifiesWithTheSecretThatSignedIt() throws Exception {
        JwtAssertion read = read(hs256(claims().build(), SECRET));
        assertTrue(verifier.verify(read, new AssertionKeys.SharedSecrets(List.of("other-" + SECRET, SECRET))));
        assertFalse(verifier.verify(read, new AssertionKeys.SharedSecrets(List.of("other-" + SECRET))));
        assertFalse(verifier.verify(read, new AssertionKeys.SharedSecrets(List.of())));
    }

    @Test
    void aTamperedAssertionDoesNotVerify() throws Exception {
        String jwt = hs256(claims().build(), SECRET);
        String[] parts = jwt.split("\\.");
        String tampered = parts[0] + "." + b64("{\"iss\":\"c6b39d0c\",\"sub\":\"admin@storefront.run\",\"iat\":1708072005}")
                + "." + parts[2];
        assertFalse(verifier.verify(read(tampered), new AssertionKeys.SharedSecrets(List.of(SECRET))));
    }

    @Test
    void anHs256AssertionNeverVerifiesWithPublicKeys() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r").generate();
        // the classic confusion: an HMAC keyed with the public key's own encoding
        String confused = hs256(claims().build(), rsa.toPublicJWK().toJSONString());
        JwtAssertion read = read(confused);
        assertFalse(verifier.verify(read, publicKeys(rsa)));
    }

    @Test
    void aSecretTooShortForHs256DoesNotVerifyAndDoesNotThrow() throws Exception {
        String shortSecret = "short";
        String header = b64("{\"alg\":\"HS256\"}");
        String payload = b64("{\"iss\":\"c\"}");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(shortSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
        assertFalse(verifier.verify(read(header + "." + payload + "." + signature),
                new AssertionKeys.SharedSecrets(List.of(shortSecret))));
    }

    // ---- RS256 and ES256

    @Test
    void rs256VerifiesWithTheRegisteredPublicKey() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        RSAKey other = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        String jwt = signed(JWSAlgorithm.RS256, rsa.getKeyID(), new RSASSASigner(rsa));
        assertTrue(verifier.verify(read(jwt), publicKeys(other, rsa)));
        assertFalse(verifier.verify(read(jwt), publicKeys(other)));
        assertFalse(verifier.verify(read(jwt), new AssertionKeys.SharedSecrets(List.of(SECRET))),
                "an RS256 assertion is never checked as HMAC");
    }

    @Test
    void es256VerifiesWithTheRegisteredPublicKey() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
        String jwt = signed(JWSAlgorithm.ES256, ec.getKeyID(), new ECDSASigner(ec));
        assertTrue(verifier.verify(read(jwt), publicKeys(other, ec)));
        assertFalse(verifier.verify(read(jwt), publicKeys(other)));
    }

    @Test
    void theKidSelectsTheKeyAndWithoutKidEveryKeyOfTheTypeIsTried() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("second").generate();
        // signed by "second" but naming "first": the named key does not verify, and no other is tried
        String misnamed = signed(JWSAlgorithm.RS256, "first", new RSASSASigner(second));
        assertFalse(verifier.verify(read(misnamed), publicKeys(first, second)));
        String unknownKid = signed(JWSAlgorithm.RS256, "third", new RSASSASigner(second));
        assertFalse(verifier.verify(read(unknownKid), publicKeys(first, second)));
        String noKid = signed(JWSAlgorithm.RS256, null, new RSASSASigner(second));
        assertTrue(verifier.verify(read(noKid), publicKeys(first, second)));
    }

    @Test
    void theAlgorithmMustMatchTheKeyType() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("same").generate();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("same-rsa").generate();
        // an ES256 signature under a header claiming RS256, and the reverse: neither verifies
        String es = signed(JWSAlgorithm.ES256, null, new ECDSASigner(ec));
        String[] parts = es.split("\\.");
        String relabelled = b64("{\"alg\":\"RS256\"}") + "." + parts[1] + "." + parts[2];
        assertFalse(verifier.verify(read(relabelled), publicKeys(ec, rsa)));
        String rs = signed(JWSAlgorithm.RS256, null, new RSASSASigner(rsa));
        String[] rsParts = rs.split("\\.");
        assertFalse(verifier.verify(read(b64("{\"alg\":\"ES256\"}") + "." + rsParts[1] + "." + rsParts[2]),
                publicKeys(ec, rsa)));
    }

    @Test
    void aKeyRestrictedToAnotherAlgorithmOrUseIsNotACandidate() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("k").generate();
        String jwt = signed(JWSAlgorithm.RS256, "k", new RSASSASigner(rsa));
        RSAKey encryptionOnly = new RSAKey.Builder(rsa.toPublicJWK()).keyUse(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION)
                .build();
        assertFalse(verifier.verify(read(jwt), new AssertionKeys.PublicKeys(new ClientJwks(
                new JWKSet(encryptionOnly).toString(true)))));
        RSAKey ps256Only = new RSAKey.Builder(rsa.toPublicJWK()).algorithm(JWSAlgorithm.PS256).build();
        assertFalse(verifier.verify(read(jwt), new AssertionKeys.PublicKeys(new ClientJwks(
                new JWKSet(ps256Only).toString(true)))));
    }

    // ---- helpers

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer("c6b39d0c").subject("root@storefront.run").claim("name", "root")
                .issueTime(Date.from(IAT));
    }

    private static String hs256(JWTClaimsSet claims, String secret) throws Exception {
        return hs256(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims, secret);
    }

    private static String hs256(JWSHeader header, JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String signed(JWSAlgorithm alg, String kid, com.nimbusds.jose.JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims().build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static AssertionKeys.PublicKeys publicKeys(com.nimbusds.jose.jwk.JWK... keys) {
        return new AssertionKeys.PublicKeys(new ClientJwks(new JWKSet(List.of(keys)).toString(true)));
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private JwtAssertion read(String compact) {
        return switch (verifier.read(compact)) {
            case Outcome.Success<JwtAssertion> s -> s.value();
            case Outcome.Failure<JwtAssertion> f -> fail("not read: " + f.error());
        };
    }

    private void assertMalformed(String compact) {
        switch (verifier.read(compact)) {
            case Outcome.Success<JwtAssertion> s -> fail("read although malformed: " + compact);
            case Outcome.Failure<JwtAssertion> f -> assertEquals(OAuthErrorCode.INVALID_GRANT, f.error().code());
        }
    }
}
