package dev.tollgate.domain.key;

import dev.tollgate.domain.tenant.SigningAlgorithm;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A tenant's signing key, opened for use: the private key is in memory only, never stored in plain form. */
public record SigningKey(
        String keyId,
        UUID tenantId,
        SigningAlgorithm algorithm,
        PublicKey publicKey,
        PrivateKey privateKey,
        Instant createdAt) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        // never print key material
        return "SigningKey[" + keyId + ", " + algorithm + "]";
    }
}
