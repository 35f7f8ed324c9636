package dev.tollgate.adapters.persistence.client;

import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientJwks;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.TokenLifetimes;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The database behind {@code CachedClientRepository}, which is the port's bean. */
@ApplicationScoped
@Typed(PanacheClientRepository.class)
public class PanacheClientRepository implements ClientRepository {

    private final EntityManager em;

    public PanacheClientRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Optional<ClientRegistration> find(UUID tenantId, String clientId) {
        if (clientId.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold NUL: no client has such an id, and the query would fail (22021)
            return Optional.empty();
        }
        return ClientEntity.<ClientEntity>find("tenantId = ?1 and clientId = ?2", tenantId, clientId)
                .firstResultOptional()
                .map(entity -> new ClientRegistration(toDomain(entity), secrets(entity.id)));
    }

    @Override
    @Transactional
    public boolean createIfAbsent(Client client, Optional<StoredSecret> secret) {
        UUID pk = UUID.randomUUID();
        Instant now = Instant.now();
        Optional<TokenLifetimes> lifetimes = client.lifetimes();
        // ON CONFLICT instead of a unique-violation exception: the transaction stays usable and nothing is half-written
        int inserted = em.createNativeQuery("""
                insert into client (id, tenant_id, client_id, name, description, kind, owner_user_id, grant_types,
                                    scopes, legacy_apis, access_token_ttl_seconds, refresh_token_ttl_seconds,
                                    redirect_uris, token_endpoint_auth_method, enabled, created_at, updated_at, jwks)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17)
                on conflict (tenant_id, client_id) do nothing
                """)
                .setParameter(1, pk)
                .setParameter(2, client.tenantId())
                .setParameter(3, client.clientId())
                .setParameter(4, client.name())
                .setParameter(5, client.description())
                .setParameter(6, client.kind().wireName())
                .setParameter(7, owner(client.kind()))
                .setParameter(8, client.grantTypes().stream().map(GrantType::value).sorted().toArray(String[]::new))
                .setParameter(9, client.scopes().allowed().tokens().toArray(String[]::new))
                .setParameter(10, client.scopes() instanceof ClientScopes.LegacyApis)
                .setParameter(11, lifetimes.map(l -> (int) l.accessToken().toSeconds()).orElse(null))
                .setParameter(12, lifetimes.map(l -> (int) l.refreshToken().toSeconds()).orElse(null))
                .setParameter(13, client.redirectUris().stream().map(URI::toString).toArray(String[]::new))
                .setParameter(14, client.authMethod().wireName())
                .setParameter(15, client.enabled())
                .setParameter(16, now)
                .setParameter(17, client.jwks().map(ClientJwks::json).orElse(null))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        secret.ifPresent(s -> persistSecret(pk, s));
        return true;
    }

    @Override
    @Transactional
    public List<Client> list(UUID tenantId, int offset, int limit) {
        return ClientEntity.<ClientEntity>find("tenantId", Sort.ascending("clientId"), tenantId)
                .range(offset, offset + limit - 1)
                .list()
                .stream()
                .map(PanacheClientRepository::toDomain)
                .toList();
    }

    @Override
    @Transactional
    public boolean update(Client client) {
        Optional<ClientEntity> found = entity(client.tenantId(), client.clientId());
        if (found.isEmpty()) {
            return false;
        }
        ClientEntity e = found.get();
        Optional<TokenLifetimes> lifetimes = client.lifetimes();
        e.name = client.name();
        e.description = client.description();
        e.kind = client.kind().wireName();
        e.ownerUserId = owner(client.kind());
        e.grantTypes = client.grantTypes().stream().map(GrantType::value).sorted().toArray(String[]::new);
        e.scopes = client.scopes().allowed().tokens().toArray(String[]::new);
        e.legacyApis = client.scopes() instanceof ClientScopes.LegacyApis;
        e.accessTokenTtlSeconds = lifetimes.map(l -> (int) l.accessToken().toSeconds()).orElse(null);
        e.refreshTokenTtlSeconds = lifetimes.map(l -> (int) l.refreshToken().toSeconds()).orElse(null);
        e.redirectUris = client.redirectUris().stream().map(URI::toString).toArray(String[]::new);
        e.tokenEndpointAuthMethod = client.authMethod().wireName();
        e.enabled = client.enabled();
        e.jwks = client.jwks().map(ClientJwks::json).orElse(null);
        e.updatedAt = Instant.now();
        return true;
    }

    @Override
    @Transactional
    public boolean delete(UUID tenantId, String clientId) {
        // client_secret rows go with it (on delete cascade)
        return ClientEntity.delete("tenantId = ?1 and clientId = ?2", tenantId, clientId) > 0;
    }

    @Override
    @Transactional
    public boolean rotateSecret(UUID tenantId, String clientId, StoredSecret secret, Instant oldSecretsNotAfter) {
        Optional<ClientEntity> found = entity(tenantId, clientId);
        if (found.isEmpty()) {
            return false;
        }
        UUID pk = found.get().id;
        // an older secret already ending sooner keeps its earlier end
        em.createNativeQuery("update client_secret set not_after = ?2"
                        + " where client_pk = ?1 and (not_after is null or not_after > ?2)")
                .setParameter(1, pk)
                .setParameter(2, oldSecretsNotAfter)
                .executeUpdate();
        // secrets whose grace has ended are of no use to anyone
        em.createNativeQuery("delete from client_secret where client_pk = ?1 and not_after <= ?2")
                .setParameter(1, pk)
                .setParameter(2, secret.createdAt())
                .executeUpdate();
        persistSecret(pk, secret);
        return true;
    }

    @Override
    @Transactional
    public boolean forgetSealedSecrets(UUID tenantId, String clientId) {
        Optional<ClientEntity> found = entity(tenantId, clientId);
        if (found.isEmpty()) {
            return false;
        }
        em.createNativeQuery("update client_secret set sealed_secret = null where client_pk = ?1")
                .setParameter(1, found.get().id)
                .executeUpdate();
        return true;
    }

    private static void persistSecret(UUID clientPk, StoredSecret secret) {
        ClientSecretEntity entity = new ClientSecretEntity();
        entity.id = UUID.randomUUID();
        entity.clientPk = clientPk;
        entity.digest = secret.digest();
        entity.createdAt = secret.createdAt();
        entity.notAfter = secret.notAfter().orElse(null);
        entity.sealedSecret = secret.sealed().orElse(null);
        entity.persist();
    }

    private static Optional<ClientEntity> entity(UUID tenantId, String clientId) {
        return ClientEntity.<ClientEntity>find("tenantId = ?1 and clientId = ?2", tenantId, clientId)
                .firstResultOptional();
    }

    private static String owner(ClientKind kind) {
        return switch (kind) {
            case ClientKind.TenantScoped t -> null;
            case ClientKind.UserScoped u -> u.ownerUserId();
        };
    }

    private static List<StoredSecret> secrets(UUID clientPk) {
        return ClientSecretEntity.<ClientSecretEntity>list("clientPk", clientPk).stream()
                .map(s -> new StoredSecret(s.digest, s.createdAt, Optional.ofNullable(s.notAfter),
                        Optional.ofNullable(s.sealedSecret)))
                .toList();
    }

    static Client toDomain(ClientEntity e) {
        ClientKind kind = "user".equals(e.kind) ? new ClientKind.UserScoped(e.ownerUserId) : ClientKind.tenantScoped();
        ClientScopes scopes = e.legacyApis ? ClientScopes.legacyApis() : ClientScopes.scoped(Scope.of(e.scopes));
        Optional<TokenLifetimes> lifetimes = e.accessTokenTtlSeconds == null
                ? Optional.empty()
                : Optional.of(TokenLifetimes.ofSeconds(e.accessTokenTtlSeconds, e.refreshTokenTtlSeconds));
        return new Client(
                e.tenantId,
                e.clientId,
                e.name,
                e.description,
                kind,
                Arrays.stream(e.grantTypes).map(GrantType::new).collect(Collectors.toSet()),
                scopes,
                lifetimes,
                Arrays.stream(e.redirectUris).map(URI::create).toList(),
                TokenEndpointAuthMethod.parse(e.tokenEndpointAuthMethod).orElseThrow(),
                e.enabled,
                Optional.ofNullable(e.jwks).map(ClientJwks::new));
    }
}
