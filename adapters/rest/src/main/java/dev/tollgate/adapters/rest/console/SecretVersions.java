package dev.tollgate.adapters.rest.console;

import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.domain.client.Client;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Which secret a rotation form was shown for: when the newest secret was issued. A reload of a rotation's answer sends
 * the form again; its version is then outdated and the console refuses it instead of rotating a second time (and
 * cutting off the secret just shown). Not secret: an instant, no digest.
 */
@ApplicationScoped
public class SecretVersions {

    private final ClientRepository clients;

    public SecretVersions(ClientRepository clients) {
        this.clients = clients;
    }

    /** Of a client the caller was allowed to see (through the admin use case). */
    public String of(Client client) {
        return clients.find(client.tenantId(), client.clientId())
                .flatMap(registration -> registration.secrets().stream().map(StoredSecret::createdAt)
                        .max(Instant::compareTo))
                .map(Instant::toString)
                .orElse("none");
    }
}
