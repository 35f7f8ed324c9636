package dev.tollgate.application.fake;

import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.SigningKeyVault;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.UUID;

/**
 * A vault without cryptography: key ids are kid-1, kid-2, ...; the "public key" bytes are "public:" + kid and the
 * "sealed private key" bytes are "sealed:" + kid. Counts its calls.
 */
public final class FakeSigningKeyVault implements SigningKeyVault {

    public int generateCalls;
    public int openCalls;
    public int publicKeyCalls;
    public SigningAlgorithm lastAlgorithm;
    public SigningKeyStatus lastStatus;
    public Instant lastCreatedAt;

    /** A key of this vault with the given id, e.g. to plant one in the repository. */
    public static StoredSigningKey storedKey(String kid, UUID tenantId, SigningAlgorithm algorithm,
            SigningKeyStatus status, Instant createdAt) {
        return new StoredSigningKey(kid, tenantId, algorithm, ("public:" + kid).getBytes(StandardCharsets.UTF_8),
                ("sealed:" + kid).getBytes(StandardCharsets.UTF_8), status, createdAt);
    }

    @Override
    public StoredSigningKey generate(UUID tenantId, SigningAlgorithm algorithm, SigningKeyStatus status,
            Instant createdAt) {
        generateCalls++;
        lastAlgorithm = algorithm;
        lastStatus = status;
        lastCreatedAt = createdAt;
        return storedKey("kid-" + generateCalls, tenantId, algorithm, status, createdAt);
    }

    @Override
    public SigningKey open(StoredSigningKey stored) {
        openCalls++;
        String sealed = new String(stored.sealedPrivateKey(), StandardCharsets.UTF_8);
        if (!sealed.equals("sealed:" + stored.keyId())) {
            throw new IllegalStateException("not sealed by this vault: " + stored.keyId());
        }
        return new SigningKey(stored.keyId(), stored.tenantId(), stored.algorithm(), new FakePublicKey(stored.keyId()),
                new FakePrivateKey(stored.keyId()), stored.createdAt());
    }

    @Override
    public PublicKey publicKey(StoredSigningKey stored) {
        publicKeyCalls++;
        return new FakePublicKey(stored.keyId());
    }

    public record FakePublicKey(String kid) implements PublicKey {
        @Override
        public String getAlgorithm() {
            return "FAKE";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return ("public:" + kid).getBytes(StandardCharsets.UTF_8);
        }
    }

    public record FakePrivateKey(String kid) implements PrivateKey {
        @Override
        public String getAlgorithm() {
            return "FAKE";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            return ("private:" + kid).getBytes(StandardCharsets.UTF_8);
        }
    }
}
