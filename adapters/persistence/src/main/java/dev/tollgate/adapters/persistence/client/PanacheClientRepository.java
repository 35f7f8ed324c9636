package dev.tollgate.adapters.persistence.client;

import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.TokenLifetimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class PanacheClientRepository implements ClientRepository {

    private final EntityManager em;

    public PanacheClientRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Optional<ClientRegistration> find(UUID tenantId, String clientId) {
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
                                    redirect_uris, token_endpoint_auth_method, enabled, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)
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
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        secret.ifPresent(s -> {
            ClientSecretEntity entity = new ClientSecretEntity();
            entity.id = UUID.randomUUID();
            entity.clientPk = pk;
            entity.digest = s.digest();
            entity.createdAt = s.createdAt();
            entity.notAfter = s.notAfter().orElse(null);
            entity.persist();
        });
        return true;
    }

    private static String owner(ClientKind kind) {
        return switch (kind) {
            case ClientKind.TenantScoped t -> null;
            case ClientKind.UserScoped u -> u.ownerUserId();
        };
    }

    private static List<StoredSecret> secrets(UUID clientPk) {
        return ClientSecretEntity.<ClientSecretEntity>list("clientPk", clientPk).stream()
                .map(s -> new StoredSecret(s.digest, s.createdAt, Optional.ofNullable(s.notAfter)))
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
                e.enabled);
    }
}
