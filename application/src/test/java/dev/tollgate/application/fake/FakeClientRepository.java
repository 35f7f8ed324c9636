package dev.tollgate.application.fake;

import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.domain.client.Client;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Client registrations in a map keyed by tenant and client_id. */
public final class FakeClientRepository implements ClientRepository {

    private record Key(UUID tenantId, String clientId) {
    }

    private final Map<Key, ClientRegistration> registrations = new HashMap<>();
    public int findCalls;
    public int createCalls;
    /** How many of the next finds answer empty, as if the client were created by another replica just after. */
    public int findsToMiss;

    /** Stores or replaces a registration directly (test set-up). */
    public void put(Client client, StoredSecret... secrets) {
        registrations.put(new Key(client.tenantId(), client.clientId()), new ClientRegistration(client, List.of(secrets)));
    }

    public int size() {
        return registrations.size();
    }

    @Override
    public Optional<ClientRegistration> find(UUID tenantId, String clientId) {
        findCalls++;
        if (findsToMiss > 0) {
            findsToMiss--;
            return Optional.empty();
        }
        return Optional.ofNullable(registrations.get(new Key(tenantId, clientId)));
    }

    @Override
    public boolean createIfAbsent(Client client, Optional<StoredSecret> secret) {
        createCalls++;
        return registrations.putIfAbsent(new Key(client.tenantId(), client.clientId()),
                new ClientRegistration(client, secret.stream().toList())) == null;
    }

    @Override
    public List<Client> list(UUID tenantId, int offset, int limit) {
        return registrations.values().stream()
                .map(ClientRegistration::client)
                .filter(c -> c.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(Client::clientId))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public boolean update(Client client) {
        Key key = new Key(client.tenantId(), client.clientId());
        ClientRegistration current = registrations.get(key);
        if (current == null) {
            return false;
        }
        registrations.put(key, new ClientRegistration(client, current.secrets()));
        return true;
    }

    @Override
    public boolean delete(UUID tenantId, String clientId) {
        return registrations.remove(new Key(tenantId, clientId)) != null;
    }

    @Override
    public boolean rotateSecret(UUID tenantId, String clientId, StoredSecret secret, Instant oldSecretsNotAfter) {
        Key key = new Key(tenantId, clientId);
        ClientRegistration current = registrations.get(key);
        if (current == null) {
            return false;
        }
        List<StoredSecret> secrets = new ArrayList<>();
        for (StoredSecret old : current.secrets()) {
            Instant notAfter = old.notAfter().filter(n -> n.isBefore(oldSecretsNotAfter)).orElse(oldSecretsNotAfter);
            secrets.add(new StoredSecret(old.digest(), old.createdAt(), java.util.Optional.of(notAfter), old.sealed()));
        }
        secrets.add(secret);
        registrations.put(key, new ClientRegistration(current.client(), secrets));
        return true;
    }

    @Override
    public boolean forgetSealedSecrets(UUID tenantId, String clientId) {
        Key key = new Key(tenantId, clientId);
        ClientRegistration current = registrations.get(key);
        if (current == null) {
            return false;
        }
        registrations.put(key, new ClientRegistration(current.client(), current.secrets().stream()
                .map(s -> new StoredSecret(s.digest(), s.createdAt(), s.notAfter())).toList()));
        return true;
    }
}
