package dev.tollgate.adapters.crypto;

import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.port.JwkSetEncoder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Public keys as RFC 7517 JWKs: kty, kid, use, alg and the public parameters, never the private ones. */
@Singleton
public final class Jose4jJwkSetEncoder implements JwkSetEncoder {

    @Inject
    public Jose4jJwkSetEncoder() {
    }

    @Override
    public List<Map<String, Object>> encode(List<PublishedKey> keys) {
        return keys.stream().map(Jose4jJwkSetEncoder::jwk).toList();
    }

    private static Map<String, Object> jwk(PublishedKey key) {
        PublicJsonWebKey jwk;
        try {
            jwk = PublicJsonWebKey.Factory.newPublicJwk(key.publicKey());
        } catch (JoseException e) {
            throw new IllegalArgumentException("Key " + key.keyId() + " cannot be encoded as a JWK", e);
        }
        requireFits(key, jwk);
        jwk.setKeyId(key.keyId());
        jwk.setUse("sig");
        jwk.setAlgorithm(key.algorithm().name());
        // PUBLIC_ONLY: whatever key object comes in, no private parameter can reach a JWKS
        Map<String, Object> params = jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** An alg that does not fit the key would make every verifier reject the tenant's tokens: fail here instead. */
    private static void requireFits(PublishedKey key, PublicJsonWebKey jwk) {
        boolean fits = switch (key.algorithm()) {
            case RS256 -> jwk instanceof RsaJsonWebKey;
            case ES256 -> jwk instanceof EllipticCurveJsonWebKey ec && EllipticCurves.P_256.equals(ec.getCurveName());
        };
        if (!fits) {
            throw new IllegalArgumentException("Key " + key.keyId() + " is a " + jwk.getKeyType()
                    + " key and cannot be published for " + key.algorithm());
        }
    }
}
