package dev.tollgate.bootstrap.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.domain.key.SigningKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Forged variants of a genuine access token: each keeps the genuine claims and changes one thing an attacker would
 * try (RFC 8725 §2 and §3). Claims-level defects are signed with the tenant's real key, so that the defect is the
 * only reason to refuse them; {@link #control()} is the genuine claims re-signed the same way and must be accepted,
 * which proves the forging itself is sound.
 *
 * @param genuine      a token the service issued; its claims are the starting point
 * @param key          the issuing tenant's active key, private half included
 * @param publicJwk    that key's entry of the tenant's JWKS, as served (JSON)
 * @param publicPem    that key's public half as PEM
 * @param otherKey     another tenant's active key
 * @param otherIssuer  that tenant's issuer
 * @param attacker     a key of the attacker's own
 * @param attackerUrl  where the attacker serves its JWKS and certificate (a server the test watches)
 */
record Forgeries(String genuine, SigningKey key, String publicJwk, String publicPem, SigningKey otherKey,
        String otherIssuer, RSAKey attacker, URI attackerUrl) {

    /** One forged token and what was done to it. */
    record Forgery(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String pem(java.security.PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    JWTClaimsSet claims() {
        try {
            return SignedJWT.parse(genuine).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The genuine claims re-signed with the real key: the service must accept this one. */
    String control() {
        return signed(realHeader().build(), claims(), signer(key));
    }

    /** Forgeries anyone can make: no private key of the tenant is needed. Every one must be refused. */
    List<Forgery> withoutTheKey() {
        List<Forgery> forged = new ArrayList<>();
        JWTClaimsSet claims = claims();
        String payload = Base64URL.encode(claims.toString()).toString();
        String genuineSignature = genuine.substring(genuine.lastIndexOf('.') + 1);
        String[] genuineParts = genuine.split("\\.");

        // alg none: unsigned, and with a signature part that is the genuine token's own
        for (String none : List.of("none", "None")) {
            String header = b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\",\"kid\":\"" + key.keyId() + "\"}");
            forged.add(new Forgery("alg " + none + ", no signature", header + "." + payload + "."));
            forged.add(new Forgery("alg " + none + ", genuine signature", header + "." + payload + "."
                    + genuineSignature));
        }
        forged.add(new Forgery("alg none without a signature part", b64("{\"alg\":\"none\"}") + "." + payload));
        // HS/RS confusion: HMAC keyed with what is public about the tenant's key
        forged.add(hmac("HS256 keyed with the public key's PEM", claims, publicPem.getBytes(StandardCharsets.UTF_8)));
        forged.add(hmac("HS256 keyed with the PEM without its final newline", claims,
                publicPem.strip().getBytes(StandardCharsets.UTF_8)));
        forged.add(hmac("HS256 keyed with the public JWK", claims, publicJwk.getBytes(StandardCharsets.UTF_8)));
        forged.add(hmac("HS256 keyed with the public key's DER", claims, key.publicKey().getEncoded()));
        // keys that are not the tenant's
        forged.add(new Forgery("unknown kid, attacker's key", signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("attacker-kid").build(),
                claims, signer(attacker))));
        forged.add(new Forgery("the tenant's kid, attacker's key", signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.keyId()).build(),
                claims, signer(attacker))));
        forged.add(new Forgery("no kid, attacker's key", signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims, signer(attacker))));
        forged.add(new Forgery("kid and key of another tenant", signed(header(otherKey).build(), claims,
                signer(otherKey))));
        forged.add(new Forgery("another tenant's issuer, key and kid", signed(header(otherKey).build(),
                with(claims, b -> b.issuer(otherIssuer).audience(otherIssuer)), signer(otherKey))));
        // headers that point at keys: nothing may be fetched or trusted from them
        forged.add(new Forgery("jku to the attacker's JWKS", signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(attacker.getKeyID())
                        .jwkURL(attackerUrl.resolve("/jwks.json")).build(), claims, signer(attacker))));
        forged.add(new Forgery("jku to the attacker's JWKS, the tenant's kid", signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.keyId())
                        .jwkURL(attackerUrl.resolve("/jwks-tenant-kid.json")).build(), claims, signer(attacker))));
        forged.add(new Forgery("x5u to the attacker's certificate", signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(attacker.getKeyID())
                        .x509CertURL(attackerUrl.resolve("/cert.pem")).build(), claims, signer(attacker))));
        forged.add(new Forgery("embedded jwk of the attacker", signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.keyId())
                        .jwk(attacker.toPublicJWK()).build(), claims, signer(attacker))));
        forged.add(new Forgery("embedded jwk of the attacker, its own kid", signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(attacker.getKeyID())
                        .jwk(attacker.toPublicJWK()).build(), claims, signer(attacker))));
        // the genuine signature over changed claims
        String widened = Base64URL.encode(with(claims, b -> b.claim("scope", "tenants:manage clients:manage")
                .expirationTime(Date.from(latestNow().plusSeconds(86_400 * 365)))).toString()).toString();
        forged.add(new Forgery("claims changed under the genuine signature", genuineParts[0] + "." + widened + "."
                + genuineSignature));
        forged.add(new Forgery("signature removed", genuineParts[0] + "." + genuineParts[1] + "."));
        return forged;
    }

    /**
     * Claims or headers the service never issues, signed with the tenant's real key: only a holder of the key can
     * make these, so refusing them is defence in depth (RFC 8725 §3.8, §3.9, RFC 7515 §4.1.11).
     */
    List<Forgery> withTheKey() {
        List<Forgery> forged = new ArrayList<>();
        JWTClaimsSet claims = claims();
        Instant earliest = earliestNow();
        Instant latest = latestNow();
        forged.add(real("expired an hour ago", with(claims, b -> b
                .issueTime(Date.from(earliest.minusSeconds(7200))).expirationTime(Date.from(earliest.minusSeconds(3600))))));
        forged.add(real("not valid before an hour from now (nbf)", with(claims, b -> b
                .notBeforeTime(Date.from(latest.plusSeconds(3600))))));
        forged.add(real("issued an hour from now (iat)", with(claims, b -> b
                .issueTime(Date.from(latest.plusSeconds(3600))).expirationTime(Date.from(latest.plusSeconds(7200))))));
        forged.add(real("wrong audience", with(claims, b -> b.audience("https://evil.example/api"))));
        forged.add(real("audience of another tenant", with(claims, b -> b.audience(otherIssuer))));
        forged.add(real("wrong issuer", with(claims, b -> b.issuer("https://evil.example/auth/realms/"
                + claims.getClaim("tenant")))));
        forged.add(real("issuer of another tenant", with(claims, b -> b.issuer(otherIssuer))));
        forged.add(real("no exp", with(claims, b -> b.expirationTime(null))));
        forged.add(new Forgery("crit header not understood", signed(realHeader()
                .criticalParams(Set.of("x-tollgate-policy")).customParam("x-tollgate-policy", "admin").build(),
                claims, signer(key))));
        forged.add(new Forgery("crit naming a registered claim", signed(realHeader()
                .criticalParams(Set.of("exp")).build(), claims, signer(key))));
        return forged;
    }

    private Forgery real(String name, JWTClaimsSet claims) {
        return new Forgery(name, signed(realHeader().build(), claims, signer(key)));
    }

    private JWSHeader.Builder realHeader() {
        return header(key);
    }

    private static JWSHeader.Builder header(SigningKey key) {
        JWSAlgorithm algorithm = switch (key.algorithm()) {
            case RS256 -> JWSAlgorithm.RS256;
            case ES256 -> JWSAlgorithm.ES256;
        };
        return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.keyId());
    }

    private Forgery hmac(String name, JWTClaimsSet claims, byte[] secret) {
        try {
            return new Forgery(name, signed(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(key.keyId()).build(), claims, new MACSigner(secret)));
        } catch (KeyLengthException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner signer(SigningKey key) {
        return switch (key.algorithm()) {
            case RS256 -> new RSASSASigner(key.privateKey());
            case ES256 -> {
                try {
                    yield new ECDSASigner((ECPrivateKey) key.privateKey());
                } catch (JOSEException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static JWSSigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        try {
            JWSObject jws = new JWSObject(header, new Payload(claims.toJSONObject()));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HS256 JWS keyed with the UTF-8 bytes of {@code secret}, as RFC 7523 clients sign with their secret. */
    static String hs256(JWTClaimsSet claims, String secret) {
        try {
            return signed(new JWSHeader(JWSAlgorithm.HS256), claims,
                    new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (KeyLengthException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet with(JWTClaimsSet claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(claims)).build();
    }

    static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The admin API judges time by the system clock, the token endpoints by the service's (test) clock, which other
     * tests move forward: "expired" must be expired for both, "in the future" in the future for both.
     */
    private static Instant earliestNow() {
        Instant service = AttackStage.serviceNow();
        Instant system = Instant.now();
        return service.isBefore(system) ? service : system;
    }

    private static Instant latestNow() {
        Instant service = AttackStage.serviceNow();
        Instant system = Instant.now();
        return service.isAfter(system) ? service : system;
    }
}
