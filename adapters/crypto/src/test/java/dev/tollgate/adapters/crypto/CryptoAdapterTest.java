package dev.tollgate.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.token.AccessTokenClaims;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Plain JUnit: the crypto adapter against an independent JOSE library (Nimbus). */
class CryptoAdapterTest {

    private static final MasterKey MASTER = new MasterKey(filled(7));
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final AesGcmKeyVault vault = new AesGcmKeyVault(MASTER);

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void signedTokensVerifyWithNimbusAgainstTheEncodedJwk(SigningAlgorithm algorithm) throws Exception {
        StoredSigningKey stored = vault.generate(UUID.randomUUID(), algorithm, SigningKeyStatus.ACTIVE, NOW);
        SigningKey key = vault.open(stored);
        AccessTokenClaims claims = new AccessTokenClaims("https://id.example.com/auth/realms/acme", "backend",
                "https://api.example.com", NOW, NOW.plusSeconds(900), "jti-1", "backend", Scope.of("email", "profile"),
                "acme", Map.of("gty", "password", "roles", List.of("admin")));
        String token = new SmallRyeJwtTokenSigner().sign(claims, key);

        Map<String, Object> jwkMap = new Jose4jJwkSetEncoder()
                .encode(List.of(new PublishedKey(stored.keyId(), algorithm, vault.publicKey(stored)))).getFirst();
        JWK jwk = JWK.parse(jwkMap);
        assertFalse(jwk.isPrivate());
        assertEquals(stored.keyId(), jwk.getKeyID());
        assertEquals(stored.keyId(), jwk.computeThumbprint().toString(), "kid is the RFC 7638 thumbprint");

        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(algorithm == SigningAlgorithm.RS256
                ? new RSASSAVerifier((RSAKey) jwk)
                : new ECDSAVerifier((ECKey) jwk)));
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertEquals(stored.keyId(), jwt.getHeader().getKeyID());
        assertEquals(algorithm.name(), jwt.getHeader().getAlgorithm().getName());
        JWTClaimsSet set = jwt.getJWTClaimsSet();
        assertEquals("https://id.example.com/auth/realms/acme", set.getIssuer());
        assertEquals("backend", set.getSubject());
        assertEquals(List.of("https://api.example.com"), set.getAudience());
        assertEquals(NOW.getEpochSecond(), set.getIssueTime().toInstant().getEpochSecond());
        assertEquals(NOW.plusSeconds(900).getEpochSecond(), set.getExpirationTime().toInstant().getEpochSecond());
        assertEquals("jti-1", set.getJWTID());
        assertEquals("backend", set.getStringClaim("client_id"));
        assertEquals("email profile", set.getStringClaim("scope"));
        assertEquals("acme", set.getStringClaim("tenant"));
        assertEquals("password", set.getStringClaim("gty"));
        assertEquals(List.of("admin"), set.getStringListClaim("roles"));
        assertEquals(Set.of("iss", "sub", "aud", "iat", "exp", "jti", "client_id", "scope", "tenant", "gty", "roles"),
                set.getClaims().keySet(), "no claim added behind our back");
    }

    @Test
    void emptyScopeIsOmitted() throws Exception {
        SigningKey key = vault.open(vault.generate(UUID.randomUUID(), SigningAlgorithm.ES256, SigningKeyStatus.ACTIVE, NOW));
        String token = new SmallRyeJwtTokenSigner().sign(new AccessTokenClaims("iss", "sub", "aud", NOW,
                NOW.plusSeconds(60), "j", "c", Scope.EMPTY, "t", Map.of()), key);
        assertNull(SignedJWT.parse(token).getJWTClaimsSet().getClaim("scope"));
    }

    @Test
    void privateKeysAreSealed() {
        StoredSigningKey stored = vault.generate(UUID.randomUUID(), SigningAlgorithm.RS256, SigningKeyStatus.ACTIVE, NOW);
        byte[] pkcs8 = vault.open(stored).privateKey().getEncoded();
        assertFalse(contains(stored.sealedPrivateKey(), Arrays.copyOfRange(pkcs8, pkcs8.length - 64, pkcs8.length)),
                "the private key must not appear in its sealed form");
        assertArrayEquals(pkcs8, new AesGcmKeyVault(MASTER).open(stored).privateKey().getEncoded(),
                "another vault with the same master key opens it");
    }

    @Test
    void wrongMasterKeyOrTamperingIsRefused() {
        StoredSigningKey stored = vault.generate(UUID.randomUUID(), SigningAlgorithm.ES256, SigningKeyStatus.ACTIVE, NOW);
        IllegalStateException wrongKey = assertThrows(IllegalStateException.class,
                () -> new AesGcmKeyVault(new MasterKey(filled(8))).open(stored));
        assertTrue(wrongKey.getMessage().contains("master key"));

        byte[] tampered = stored.sealedPrivateKey().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> vault.open(new StoredSigningKey(stored.keyId(),
                stored.tenantId(), stored.algorithm(), stored.publicKey(), tampered, stored.status(), NOW)));
        // the kid is authenticated: a sealed key moved onto another kid does not open
        assertThrows(IllegalStateException.class, () -> vault.open(new StoredSigningKey("other-kid",
                stored.tenantId(), stored.algorithm(), stored.publicKey(), stored.sealedPrivateKey(), stored.status(),
                NOW)));
    }

    @Test
    void secretDigests() {
        HmacSecretDigester digester = new HmacSecretDigester(MASTER);
        String digest = digester.digest("s3cret");
        assertTrue(digest.startsWith("hmac-sha256:v1:"));
        assertFalse(digest.contains("s3cret"));
        assertTrue(digester.matches("s3cret", digest));
        assertFalse(digester.matches("s3cret ", digest));
        assertFalse(digester.matches("s3cret", "hmac-sha256:v1:!!notbase64"));
        assertFalse(digester.matches("s3cret", "sha256:whatever"));
        assertFalse(digester.matches("s3cret", null));
        assertNotEquals(digest, new HmacSecretDigester(new MasterKey(filled(8))).digest("s3cret"),
                "the pepper comes from the master key");
    }

    @Test
    void randomValues() {
        SecureRandomValues random = new SecureRandomValues();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = random.newSecret();
            assertEquals(32, Base64.getUrlDecoder().decode(secret).length, "256 bits");
            secrets.add(secret);
        }
        assertEquals(100, secrets.size());
        assertEquals(16, Base64.getUrlDecoder().decode(random.newTokenId()).length);
    }

    @Test
    void masterKeyShapeAndSecrecy() {
        String encoded = Base64.getEncoder().encodeToString(filled(9));
        assertEquals("MasterKey[32 bytes]", MasterKey.fromBase64(encoded).toString());
        MasterKey.fromBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(filled(9)));
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64(shortKey));
        assertFalse(e.getMessage().contains(shortKey));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64("not base64 at all!"));
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
