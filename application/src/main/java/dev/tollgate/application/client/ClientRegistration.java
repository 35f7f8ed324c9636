package dev.tollgate.application.client;

import dev.tollgate.domain.client.Client;
import java.util.List;
import java.util.Objects;

/** A client together with the digests of the secrets that may authenticate it. */
public record ClientRegistration(Client client, List<StoredSecret> secrets) {

    public ClientRegistration {
        Objects.requireNonNull(client, "client");
        secrets = List.copyOf(secrets);
    }
}
