package dev.tollgate.application.fake;

import dev.tollgate.application.port.SecretSealer;
import java.util.Optional;
import java.util.UUID;

/** "Seals" as {@code sealed:<tenant>:<client>:<reversed secret>}: bound to its client like the real one. */
public final class FakeSecretSealer implements SecretSealer {

    public int opened;

    @Override
    public String seal(UUID tenantId, String clientId, String secret) {
        return prefix(tenantId, clientId) + new StringBuilder(secret).reverse();
    }

    @Override
    public Optional<String> open(UUID tenantId, String clientId, String sealed) {
        opened++;
        String prefix = prefix(tenantId, clientId);
        return sealed.startsWith(prefix)
                ? Optional.of(new StringBuilder(sealed.substring(prefix.length())).reverse().toString())
                : Optional.empty();
    }

    private static String prefix(UUID tenantId, String clientId) {
        return "sealed:" + tenantId + ":" + clientId + ":";
    }
}
