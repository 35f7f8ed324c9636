package dev.tollgate.application.port;

import dev.tollgate.domain.client.ClientJwks;
import java.util.Objects;
import java.util.Optional;

/** Outbound port: checks the JWK Set a client registers, so that only public RSA and EC keys are ever stored. */
public interface JwkSetValidator {

    /** At most this many keys per client: verification tries each candidate, so the set stays small. */
    int MAX_KEYS = 10;

    /** The outcome of a check: the set to store (empty for a set without keys), or what is wrong with it. */
    sealed interface Result {
        record Valid(Optional<ClientJwks> jwks) implements Result {
            public Valid {
                Objects.requireNonNull(jwks, "jwks");
            }
        }

        record Invalid(String reason) implements Result {
            public Invalid {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    Result validate(String json);
}
