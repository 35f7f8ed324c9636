package dev.tollgate.application.grant;

import dev.tollgate.domain.client.ClientJwks;
import java.util.List;
import java.util.Objects;

/** What an assertion's signature is checked against: the client's secrets (HS256) or its registered public keys. */
public sealed interface AssertionKeys {

    /** Every secret of the client that is still valid, opened from its sealed copy; any one may have signed. */
    record SharedSecrets(List<String> secrets) implements AssertionKeys {
        public SharedSecrets {
            secrets = List.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "SharedSecrets[" + secrets.size() + "]";
        }
    }

    record PublicKeys(ClientJwks jwks) implements AssertionKeys {
        public PublicKeys {
            Objects.requireNonNull(jwks, "jwks");
        }
    }
}
