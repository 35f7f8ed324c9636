package dev.tollgate.application.client;

import java.util.Objects;

/** What a caller presented to identify its client at the token endpoint. */
public sealed interface ClientCredentials {

    /** RFC 6749 §2.3.1 HTTP Basic: {@code Authorization: Basic base64(urlencode(id):urlencode(secret))}. */
    record SecretBasic(String clientId, String secret) implements ClientCredentials {
        public SecretBasic {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "SecretBasic[" + clientId + "]";
        }
    }

    /** client_id and client_secret in the request body (form or JSON). */
    record SecretPost(String clientId, String secret) implements ClientCredentials {
        public SecretPost {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "SecretPost[" + clientId + "]";
        }
    }

    /** Only a client_id: a public client. */
    record ClientIdOnly(String clientId) implements ClientCredentials {
        public ClientIdOnly {
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** Nothing identifies the client. */
    record Absent() implements ClientCredentials {
    }
}
