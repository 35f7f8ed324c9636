package dev.tollgate.application.port;

import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import java.security.PublicKey;
import java.time.Instant;
import java.util.UUID;

/** Outbound port: creates key pairs and seals/opens their private halves with the master key. */
public interface SigningKeyVault {

    StoredSigningKey generate(UUID tenantId, SigningAlgorithm algorithm, SigningKeyStatus status, Instant createdAt);

    SigningKey open(StoredSigningKey stored);

    PublicKey publicKey(StoredSigningKey stored);
}
