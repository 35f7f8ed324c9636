package dev.tollgate.adapters.crypto;

import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.port.JwkSetEncoder;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Public keys as RFC 7517 JWKs, public parameters only. */
@Singleton
public class Jose4jJwkSetEncoder implements JwkSetEncoder {

    @Override
    public List<Map<String, Object>> encode(List<PublishedKey> keys) {
        return keys.stream().map(Jose4jJwkSetEncoder::jwk).toList();
    }

    private static Map<String, Object> jwk(PublishedKey key) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
            jwk.setKeyId(key.keyId());
            jwk.setUse("sig");
            jwk.setAlgorithm(key.algorithm().name());
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot encode key " + key.keyId() + " as a JWK", e);
        }
    }
}
