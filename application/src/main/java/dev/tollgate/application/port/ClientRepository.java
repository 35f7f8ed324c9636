package dev.tollgate.application.port;

import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.domain.client.Client;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: clients and the digests (and, for JWT bearer clients, sealed copies) of their secrets. */
public interface ClientRepository {

    Optional<ClientRegistration> find(UUID tenantId, String clientId);

    /**
     * Stores a client with its first secret in one transaction; false when a client with that id exists already in
     * the tenant (nothing is written then).
     */
    boolean createIfAbsent(Client client, Optional<StoredSecret> secret);

    /** Clients of a tenant ordered by client_id; at most {@code limit} from {@code offset}. */
    List<Client> list(UUID tenantId, int offset, int limit);

    /** Replaces the client's settings (not its secrets); false when it does not exist. */
    boolean update(Client client);

    /** Deletes the client and its secrets; false when it does not exist. */
    boolean delete(UUID tenantId, String clientId);

    /**
     * Adds {@code secret} and makes every older secret stop working after {@code oldSecretsNotAfter} (kept only for
     * the grace period); false when the client does not exist.
     */
    boolean rotateSecret(UUID tenantId, String clientId, StoredSecret secret, Instant oldSecretsNotAfter);

    /**
     * Drops the sealed copies of the client's secrets (their digests stay), for a client no longer allowed the JWT
     * bearer grant; false when the client does not exist.
     */
    boolean forgetSealedSecrets(UUID tenantId, String clientId);
}
