package dev.tollgate.application.key;

import dev.tollgate.domain.tenant.SigningAlgorithm;
import java.security.PublicKey;
import java.util.Objects;

/** A public key as it appears in a tenant's JWKS. */
public record PublishedKey(String keyId, SigningAlgorithm algorithm, PublicKey publicKey) {

    public PublishedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
