package dev.tollgate.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Jose4jJwkSetEncoderTest {

    private static KeyPair rsa;
    private static KeyPair ec;
    private static KeyPair p384;

    private final Jose4jJwkSetEncoder encoder = new Jose4jJwkSetEncoder();

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGenerator.generateKeyPair();
        ecGenerator.initialize(new ECGenParameterSpec("secp384r1"));
        p384 = ecGenerator.generateKeyPair();
    }

    @Test
    void rsaKeysCarryTheModulusAndExponentOnly() throws Exception {
        Map<String, Object> jwk = encoder.encode(List.of(new PublishedKey("rsa-1", SigningAlgorithm.RS256,
                rsa.getPublic()))).getFirst();

        assertEquals(Set.of("kty", "kid", "use", "alg", "n", "e"), jwk.keySet());
        assertEquals("RSA", jwk.get("kty"));
        assertEquals("rsa-1", jwk.get("kid"));
        assertEquals("sig", jwk.get("use"));
        assertEquals("RS256", jwk.get("alg"));
        assertEquals("AQAB", jwk.get("e"));

        RSAKey parsed = JWK.parse(jwk).toRSAKey();
        assertFalse(parsed.isPrivate());
        assertEquals(KeyUse.SIGNATURE, parsed.getKeyUse());
        assertArrayEquals(rsa.getPublic().getEncoded(), parsed.toRSAPublicKey().getEncoded());
    }

    @Test
    void ecKeysCarryTheCurveAndPointOnly() throws Exception {
        Map<String, Object> jwk = encoder.encode(List.of(new PublishedKey("ec-1", SigningAlgorithm.ES256,
                ec.getPublic()))).getFirst();

        assertEquals(Set.of("kty", "kid", "use", "alg", "crv", "x", "y"), jwk.keySet());
        assertEquals("EC", jwk.get("kty"));
        assertEquals("ec-1", jwk.get("kid"));
        assertEquals("sig", jwk.get("use"));
        assertEquals("ES256", jwk.get("alg"));
        assertEquals("P-256", jwk.get("crv"));

        ECKey parsed = JWK.parse(jwk).toECKey();
        assertFalse(parsed.isPrivate());
        assertEquals(Curve.P_256, parsed.getCurve());
        assertArrayEquals(ec.getPublic().getEncoded(), parsed.toECPublicKey().getEncoded());
    }

    @Test
    void noPrivateParameterEverAppears() {
        Set<String> privateParameters = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
        for (Map<String, Object> jwk : encoder.encode(List.of(
                new PublishedKey("rsa-1", SigningAlgorithm.RS256, rsa.getPublic()),
                new PublishedKey("ec-1", SigningAlgorithm.ES256, ec.getPublic())))) {
            assertTrue(jwk.keySet().stream().noneMatch(privateParameters::contains), jwk.toString());
        }
    }

    @Test
    void keysKeepTheirOrder() {
        List<Map<String, Object>> jwks = encoder.encode(List.of(
                new PublishedKey("newest", SigningAlgorithm.ES256, ec.getPublic()),
                new PublishedKey("older", SigningAlgorithm.RS256, rsa.getPublic())));
        assertEquals(List.of("newest", "older"), jwks.stream().map(jwk -> jwk.get("kid")).toList());
        assertEquals(List.of(), encoder.encode(List.of()));
    }

    @Test
    void anAlgorithmThatDoesNotFitTheKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(List.of(
                new PublishedKey("k", SigningAlgorithm.RS256, ec.getPublic()))));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(List.of(
                new PublishedKey("k", SigningAlgorithm.ES256, rsa.getPublic()))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.encode(List.of(
                new PublishedKey("k", SigningAlgorithm.ES256, p384.getPublic()))));
        assertTrue(e.getMessage().contains("ES256"), e.getMessage());
    }
}
