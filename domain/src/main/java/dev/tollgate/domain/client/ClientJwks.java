package dev.tollgate.domain.client;

import java.util.Objects;

/**
 * The public keys a client registered (RFC 7591 {@code jwks}): a JWK Set as JSON text, already checked to hold only
 * public RSA or EC keys. Assertions the client signs with them are verified against these keys, never against a
 * shared secret.
 */
public record ClientJwks(String json) {

    public ClientJwks {
        Objects.requireNonNull(json, "json");
        if (json.isBlank()) {
            throw new IllegalArgumentException("a JWK Set is a JSON object");
        }
    }
}
