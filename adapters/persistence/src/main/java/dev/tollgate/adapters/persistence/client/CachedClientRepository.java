package dev.tollgate.adapters.persistence.client;

import com.github.benmanes.caffeine.cache.Cache;
import dev.tollgate.adapters.persistence.cache.RepositoryCaches;
import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.domain.client.Client;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Clients with their secret digests, from memory when they were read before (see {@link RepositoryCaches}); unknown
 * client_ids are remembered too. Secrets carry their validity, judged at each use, so a rotation's grace period ends
 * on time without a reload.
 */
@ApplicationScoped
public class CachedClientRepository implements ClientRepository {

    private record Key(UUID tenantId, String clientId) {
    }

    private final PanacheClientRepository database;
    private final RepositoryCaches caches;
    private final Cache<Key, Optional<ClientRegistration>> registrations;

    public CachedClientRepository(PanacheClientRepository database, RepositoryCaches caches) {
        this.database = database;
        this.caches = caches;
        this.registrations = caches.create("clients");
    }

    @Override
    public Optional<ClientRegistration> find(UUID tenantId, String clientId) {
        return caches.read(registrations, new Key(tenantId, clientId), key -> database.find(key.tenantId(),
                key.clientId()));
    }

    @Override
    public boolean createIfAbsent(Client client, Optional<StoredSecret> secret) {
        return caches.write(() -> database.createIfAbsent(client, secret));
    }

    @Override
    public List<Client> list(UUID tenantId, int offset, int limit) {
        return database.list(tenantId, offset, limit);
    }

    @Override
    public boolean update(Client client) {
        return caches.write(() -> database.update(client));
    }

    @Override
    public boolean delete(UUID tenantId, String clientId) {
        return caches.write(() -> database.delete(tenantId, clientId));
    }

    @Override
    public boolean rotateSecret(UUID tenantId, String clientId, StoredSecret secret, Instant oldSecretsNotAfter) {
        return caches.write(() -> database.rotateSecret(tenantId, clientId, secret, oldSecretsNotAfter));
    }

    @Override
    public boolean forgetSealedSecrets(UUID tenantId, String clientId) {
        return caches.write(() -> database.forgetSealedSecrets(tenantId, clientId));
    }
}
