package dev.tollgate.application.key;

import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A signing key as persisted: the public key in X.509 SubjectPublicKeyInfo DER, the private key sealed with the
 * master key.
 */
public record StoredSigningKey(
        String keyId,
        UUID tenantId,
        SigningAlgorithm algorithm,
        byte[] publicKey,
        byte[] sealedPrivateKey,
        SigningKeyStatus status,
        Instant createdAt) {

    public StoredSigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(sealedPrivateKey, "sealedPrivateKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "StoredSigningKey[" + keyId + ", " + algorithm + ", " + status + "]";
    }
}
