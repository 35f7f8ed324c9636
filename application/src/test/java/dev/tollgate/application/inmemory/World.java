package dev.tollgate.application.inmemory;

import dev.tollgate.application.client.ClientAuthenticator;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.grant.ClientCredentialsGrantHandler;
import dev.tollgate.application.grant.GrantHandlers;
import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.provisioning.Provisioning;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.TokenService;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import dev.tollgate.domain.token.TokenLifetimes;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The use cases wired on in-memory ports, with a fixed clock. */
public final class World {

    public static final Instant NOW = Instant.parse("2026-11-22T10:00:00.750Z");

    public final InMemoryPorts.Tenants tenants = new InMemoryPorts.Tenants();
    public final InMemoryPorts.Clients clients = new InMemoryPorts.Clients();
    public final InMemoryPorts.Digester digester = new InMemoryPorts.Digester();
    public final InMemoryPorts.Random random = new InMemoryPorts.Random();
    public final InMemoryPorts.Keys keys = new InMemoryPorts.Keys();
    public final InMemoryPorts.Vault vault = new InMemoryPorts.Vault();
    public final InMemoryPorts.Signer signer = new InMemoryPorts.Signer();
    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final ServiceSettings settings =
            new ServiceSettings(URI.create("https://id.example.com/"), Optional.of(new TenantSlug("acme")));

    public final SigningKeys signingKeys = new SigningKeys(keys, vault, new InMemoryPorts.Jwks(), clock);
    public final AccessTokenFactory tokenFactory = new AccessTokenFactory(signingKeys, signer, random, settings, clock);
    public final ClientAuthenticator authenticator = new ClientAuthenticator(clients, digester, clock);
    public final TokenService tokenService = new TokenService(authenticator,
            new GrantHandlers(List.of(new ClientCredentialsGrantHandler(tokenFactory))));
    public final TenantDirectory directory = new TenantDirectory(tenants, settings);
    public final Provisioning provisioning = new Provisioning(tenants, clients, digester, random, clock);

    public Tenant tenant(String slug, String... domains) {
        return tenants.createIfAbsent(new Tenant(UUID.randomUUID(), new TenantSlug(slug), slug, List.of(domains),
                Optional.empty(), Optional.empty(), TokenLifetimes.ofSeconds(3600, 0), SigningAlgorithm.RS256, true));
    }

    public Client client(Tenant tenant, String id, TokenEndpointAuthMethod method, boolean enabled,
            Optional<TokenLifetimes> lifetimes, String... scopes) {
        return new Client(tenant.id(), id, id, "", ClientKind.tenantScoped(), Set.of(GrantType.CLIENT_CREDENTIALS),
                ClientScopes.scoped(Scope.of(scopes)), lifetimes, List.of(), method, enabled);
    }

    public Client register(Tenant tenant, String id, String secret, String... scopes) {
        Client client = client(tenant, id, TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true, Optional.empty(), scopes);
        clients.put(client, new StoredSecret(digester.digest(secret), NOW, Optional.empty()));
        return client;
    }
}
