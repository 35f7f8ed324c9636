package dev.tollgate.application.port;

import java.util.Optional;
import java.util.UUID;

/**
 * Outbound port: encrypts a client secret with the master key, for the one use that needs the secret itself
 * (verifying HS256 JWT bearer assertions, RFC 7518 §3.2). A sealed secret is bound to its client: copied onto
 * another client it does not open.
 */
public interface SecretSealer {

    String seal(UUID tenantId, String clientId, String secret);

    /** The secret, or empty when it cannot be opened (another master key, altered data, another client). */
    Optional<String> open(UUID tenantId, String clientId, String sealed);
}
