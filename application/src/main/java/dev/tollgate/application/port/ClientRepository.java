package dev.tollgate.application.port;

import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.domain.client.Client;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: clients and the digests of their secrets. */
public interface ClientRepository {

    Optional<ClientRegistration> find(UUID tenantId, String clientId);

    /**
     * Stores a client with its first secret in one transaction; false when a client with that id exists already in
     * the tenant (nothing is written then).
     */
    boolean createIfAbsent(Client client, Optional<StoredSecret> secret);
}
