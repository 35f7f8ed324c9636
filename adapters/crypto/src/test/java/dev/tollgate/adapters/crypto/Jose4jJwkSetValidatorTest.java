package dev.tollgate.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.tollgate.application.port.JwkSetValidator;
import dev.tollgate.application.port.JwkSetValidator.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Jose4jJwkSetValidatorTest {

    private final Jose4jJwkSetValidator validator = new Jose4jJwkSetValidator();

    @Test
    void acceptsPublicRsaAndP256KeysAndStoresThemPublicOnly() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e").generate();
        Result.Valid valid = assertInstanceOf(Result.Valid.class,
                validator.validate(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString(true)));
        String stored = valid.jwks().orElseThrow().json();
        assertEquals(2, JWKSet.parse(stored).getKeys().size());
        assertFalse(stored.contains("\"d\""));
    }

    @Test
    void aSetWithoutKeysMeansNone() {
        assertTrue(assertInstanceOf(Result.Valid.class, validator.validate("{\"keys\":[]}")).jwks().isEmpty());
    }

    @Test
    void refusesPrivateKeys() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        assertRefused(new JWKSet(rsa).toString(false), "private");
        assertRefused(new JWKSet(ec).toString(false), "private");
    }

    @Test
    void refusesSymmetricAndUnknownKeyTypes() throws Exception {
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).generate();
        assertRefused(new JWKSet(oct).toString(false), "symmetric");
        assertRefused("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}",
                "kty");
        assertRefused("{\"keys\":[{\"n\":\"x\"}]}", "kty");
    }

    @Test
    void refusesWeakOrUnsupportedKeys() throws Exception {
        RSAKey small = new RSAKeyGenerator(1024, true).generate();
        assertRefused(new JWKSet(small.toPublicJWK()).toString(), "2048");
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertRefused(new JWKSet(p384.toPublicJWK()).toString(), "P-256");
        RSAKey forEncryption = new RSAKey.Builder(new RSAKeyGenerator(2048).generate().toPublicJWK())
                .keyUse(com.nimbusds.jose.jwk.KeyUse.ENCRYPTION).build();
        assertRefused(new JWKSet(forEncryption).toString(), "use");
        RSAKey ps256 = new RSAKey.Builder(new RSAKeyGenerator(2048).generate().toPublicJWK())
                .algorithm(com.nimbusds.jose.JWSAlgorithm.PS256).build();
        assertRefused(new JWKSet(ps256).toString(), "alg");
    }

    @Test
    void refusesTooManyKeysDuplicateKidsAndBrokenKeys() throws Exception {
        List<com.nimbusds.jose.jwk.JWK> many = new ArrayList<>();
        ECKey one = new ECKeyGenerator(Curve.P_256).generate();
        for (int i = 0; i <= JwkSetValidator.MAX_KEYS; i++) {
            many.add(new ECKey.Builder(one.toPublicJWK()).keyID("k" + i).build());
        }
        assertRefused(new JWKSet(many).toString(), "at most");
        assertRefused(new JWKSet(List.of(new ECKey.Builder(one.toPublicJWK()).keyID("same").build(),
                new ECKey.Builder(one.toPublicJWK()).keyID("same").build())).toString(), "twice");
        assertRefused("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"}]}", "not a valid");
    }

    @Test
    void refusesWhatIsNotAJwkSet() {
        assertRefused("[]", "keys");
        assertRefused("{\"kty\":\"RSA\"}", "keys");
        assertRefused("{\"keys\":{}}", "keys");
        assertRefused("{\"keys\":[1]}", "object");
        assertRefused("not json", "keys");
        assertRefused("{\"keys\":[]," + "\"x\":\"" + "a".repeat(Jose4jJwkSetValidator.MAX_JSON_LENGTH) + "\"}", "at most");
    }

    private void assertRefused(String json, String reasonPart) {
        Result.Invalid invalid = assertInstanceOf(Result.Invalid.class, validator.validate(json), json);
        assertTrue(invalid.reason().contains(reasonPart), invalid.reason());
    }
}
