package dev.tollgate.application.fake;

import dev.tollgate.application.abuse.AbuseLimits;
import dev.tollgate.application.abuse.Lockouts;
import dev.tollgate.application.abuse.RequestRates;
import dev.tollgate.application.authorization.AuthorizationCodes;
import dev.tollgate.application.authorization.CodeAuthorization;
import dev.tollgate.application.client.ClientAuthenticator;
import dev.tollgate.application.grant.AuthorizationCodeGrantHandler;
import dev.tollgate.application.token.AccessTokenDenyList;
import dev.tollgate.application.grant.PasswordGrantHandler;
import dev.tollgate.application.grant.RefreshTokenGrantHandler;
import dev.tollgate.application.deprecation.DefaultDeprecations;
import dev.tollgate.application.deprecation.Deprecations;
import dev.tollgate.application.deprecation.LegacyUsageRecorder;
import dev.tollgate.application.legacy.LegacyTokenApi;
import dev.tollgate.application.token.RefreshTokens;
import dev.tollgate.application.user.UserAuthenticator;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.grant.ClientCredentialsGrantHandler;
import dev.tollgate.application.grant.GrantHandlers;
import dev.tollgate.application.grant.ImplicitGrantHandler;
import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.provisioning.Provisioning;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.TokenEndpointRules;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The use cases wired on the fakes, with a mutable clock; plus builders for tenants and clients. */
public final class TestWorld {

    /** Not on a whole second, to show that iat/exp are truncated. */
    public static final Instant NOW = Instant.parse("2026-11-22T10:00:00.750Z");
    public static final URI PUBLIC_URL = URI.create("https://id.example.com/");
    /** What the Moltin dialect's /oauth/access_token serves (seed 004): client_credentials and implicit, 1 h tokens. */
    public static final TokenEndpointRules MOLTIN_RULES = TokenEndpointRules.only(
            Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.IMPLICIT), java.time.Duration.ofHours(1));

    public final FakeTenantRepository tenants = new FakeTenantRepository();
    public final FakeClientRepository clients = new FakeClientRepository();
    public final CountingSecretDigester digester = new CountingSecretDigester();
    public final SequentialRandomValues random = new SequentialRandomValues();
    public final FakeSigningKeyRepository keys = new FakeSigningKeyRepository();
    public final FakeSigningKeyVault vault = new FakeSigningKeyVault();
    public final FakeTokenSigner signer = new FakeTokenSigner();
    public final FakeJwkSetEncoder jwkEncoder = new FakeJwkSetEncoder();
    public final MutableClock clock = new MutableClock(NOW);
    public final FakeUserRepository users = new FakeUserRepository();
    public final CountingPasswordHasher hasher = new CountingPasswordHasher();
    public final FakeRefreshTokenRepository refreshTokenStore = new FakeRefreshTokenRepository();
    public final FakeDeprecationOverrideRepository deprecationOverrides = new FakeDeprecationOverrideRepository();
    public final FakeLegacyUsageRepository usageStore = new FakeLegacyUsageRepository();
    public final DirectTransactions transactions = new DirectTransactions();
    public final ServiceSettings settings;
    public static final URI GUIDE = URI.create("https://id.example.com/docs/migration-v0");
    /** The service-wide defaults: both v0 surfaces deprecated since the seed's date, no sunset, no brownouts. */
    public final DefaultDeprecations defaultDeprecations = new DefaultDeprecations(Map.of(
            LegacySurface.V0_TOKEN, new DeprecationPolicy(LegacySurface.V0_TOKEN,
                    DeprecationPolicy.SEED_DEPRECATED_AT, Optional.empty(), GUIDE, List.of()),
            LegacySurface.V0_REFRESH, new DeprecationPolicy(LegacySurface.V0_REFRESH,
                    DeprecationPolicy.SEED_DEPRECATED_AT, Optional.empty(), GUIDE, List.of())));

    public final SigningKeys signingKeys;
    public final AccessTokenFactory tokenFactory;
    public final ClientAuthenticator authenticator;
    public final GrantHandlers grantHandlers;
    public final TokenService tokenService;
    public final TenantDirectory directory;
    public final Provisioning provisioning;
    public final UserAuthenticator userAuthenticator;
    public final RefreshTokens refreshTokens;
    public final Deprecations deprecations;
    public final LegacyUsageRecorder usage;
    public final LegacyTokenApi legacyTokenApi;
    public final FakeAuthorizationCodeRepository codeStore = new FakeAuthorizationCodeRepository();
    public final FakeRevokedAccessTokenRepository revokedAccessTokens = new FakeRevokedAccessTokenRepository();
    public final AuthorizationCodes authorizationCodes;
    public final CodeAuthorization codeAuthorization;
    public final MapAbuseLedger abuseLedger = new MapAbuseLedger();
    public final Lockouts lockouts;
    public final RequestRates requestRates;

    public TestWorld() {
        this(new ServiceSettings(PUBLIC_URL, Optional.of(new TenantSlug("acme"))));
    }

    public TestWorld(ServiceSettings settings) {
        this(settings, AbuseLimits.NONE);
    }

    /** A world whose abuse limits are on as given. */
    public TestWorld(AbuseLimits limits) {
        this(new ServiceSettings(PUBLIC_URL, Optional.of(new TenantSlug("acme"))), limits);
    }

    public TestWorld(ServiceSettings settings, AbuseLimits limits) {
        this.settings = settings;
        lockouts = new Lockouts(abuseLedger, limits, clock);
        requestRates = new RequestRates(abuseLedger, limits, clock);
        signingKeys = new SigningKeys(keys, vault, jwkEncoder, clock);
        tokenFactory = new AccessTokenFactory(signingKeys, signer, random, settings, clock);
        authenticator = new ClientAuthenticator(clients, digester, clock, lockouts);
        directory = new TenantDirectory(tenants, settings);
        provisioning = new Provisioning(tenants, clients, digester, random, clock);
        userAuthenticator = new UserAuthenticator(users, hasher, random, lockouts);
        refreshTokens = new RefreshTokens(refreshTokenStore, digester, random, transactions, clock);
        deprecations = new Deprecations(defaultDeprecations, deprecationOverrides, clock);
        usage = new LegacyUsageRecorder(usageStore, clock);
        authorizationCodes = new AuthorizationCodes(codeStore, digester, random, clock);
        codeAuthorization = new CodeAuthorization(clients, users, userAuthenticator, authorizationCodes, settings);
        grantHandlers = new GrantHandlers(List.of(
                new ClientCredentialsGrantHandler(tokenFactory),
                new AuthorizationCodeGrantHandler(authorizationCodes, refreshTokens, refreshTokenStore, tokenFactory,
                        users, new AccessTokenDenyList(revokedAccessTokens, clock), random, transactions, clock),
                new RefreshTokenGrantHandler(refreshTokens, tokenFactory, users, transactions),
                new PasswordGrantHandler(userAuthenticator, refreshTokens, tokenFactory, transactions),
                new ImplicitGrantHandler(tokenFactory)));
        tokenService = new TokenService(authenticator, grantHandlers, deprecations, usage, userAuthenticator,
                requestRates);
        legacyTokenApi = new LegacyTokenApi(deprecations, usage, userAuthenticator, users, clients, refreshTokens,
                tokenFactory, transactions, requestRates);
    }

    // ---- tenants

    public static TenantBuilder tenant(String slug) {
        return new TenantBuilder(slug);
    }

    /** A tenant as the service creates it: with its built-in v0 client. */
    public Tenant addTenantWithLegacyClient(String slug) {
        Tenant tenant = addTenant(slug);
        clients.createIfAbsent(dev.tollgate.domain.client.LegacyV0Client.forTenant(tenant.id()), Optional.empty());
        return tenant;
    }

    public dev.tollgate.domain.user.User addUser(Tenant tenant, String email, String username, String password,
            String... roles) {
        dev.tollgate.domain.user.User user = new dev.tollgate.domain.user.User(UUID.randomUUID(), tenant.id(), email,
                username, "", List.of(roles), true);
        users.create(user, hasher.hash(password));
        return user;
    }

    public Tenant addTenant(String slug, String... domains) {
        return tenants.put(tenant(slug).domains(domains).build());
    }

    public static final class TenantBuilder {
        private UUID id = UUID.randomUUID();
        private final String slug;
        private List<String> domains = List.of();
        private Optional<URI> issuer = Optional.empty();
        private Optional<String> audience = Optional.empty();
        private TokenLifetimes lifetimes = TokenLifetimes.ofSeconds(3600, 0);
        private SigningAlgorithm algorithm = SigningAlgorithm.RS256;
        private boolean enabled = true;

        private TenantBuilder(String slug) {
            this.slug = slug;
        }

        public TenantBuilder id(UUID value) {
            id = value;
            return this;
        }

        public TenantBuilder domains(String... value) {
            domains = List.of(value);
            return this;
        }

        public TenantBuilder issuer(String value) {
            issuer = Optional.of(URI.create(value));
            return this;
        }

        public TenantBuilder audience(String value) {
            audience = Optional.of(value);
            return this;
        }

        public TenantBuilder lifetimes(long accessSeconds) {
            lifetimes = TokenLifetimes.ofSeconds(accessSeconds, 0);
            return this;
        }

        public TenantBuilder algorithm(SigningAlgorithm value) {
            algorithm = value;
            return this;
        }

        public TenantBuilder disabled() {
            enabled = false;
            return this;
        }

        public Tenant build() {
            return new Tenant(id, new TenantSlug(slug), slug.toUpperCase(java.util.Locale.ROOT), domains, issuer,
                    audience, lifetimes, algorithm, enabled);
        }
    }

    // ---- clients

    public static ClientBuilder client(Tenant tenant, String clientId) {
        return new ClientBuilder(tenant.id(), clientId);
    }

    /** Stores a confidential client_secret_basic client with one non-expiring secret. */
    public Client addClient(Tenant tenant, String clientId, String secret, String... scopes) {
        Client client = client(tenant, clientId).scopes(scopes).build();
        clients.put(client, secret(secret));
        return client;
    }

    public static StoredSecret secret(String plain) {
        return new StoredSecret(CountingSecretDigester.digestOf(plain), NOW.minusSeconds(86_400), Optional.empty());
    }

    public static StoredSecret secretUntil(String plain, Instant notAfter) {
        return new StoredSecret(CountingSecretDigester.digestOf(plain), NOW.minusSeconds(86_400),
                Optional.of(notAfter));
    }

    public static final class ClientBuilder {
        private final UUID tenantId;
        private final String clientId;
        private ClientKind kind = ClientKind.tenantScoped();
        private Set<GrantType> grantTypes = Set.of(GrantType.CLIENT_CREDENTIALS);
        private ClientScopes scopes = ClientScopes.scoped(Scope.EMPTY);
        private Optional<TokenLifetimes> lifetimes = Optional.empty();
        private TokenEndpointAuthMethod authMethod = TokenEndpointAuthMethod.CLIENT_SECRET_BASIC;
        private boolean enabled = true;
        private List<URI> redirectUris = List.of();

        private ClientBuilder(UUID tenantId, String clientId) {
            this.tenantId = tenantId;
            this.clientId = clientId;
        }

        public ClientBuilder scopes(String... value) {
            scopes = ClientScopes.scoped(Scope.of(value));
            return this;
        }

        public ClientBuilder legacyApis() {
            scopes = ClientScopes.legacyApis();
            return this;
        }

        public ClientBuilder grantTypes(GrantType... value) {
            grantTypes = Set.of(value);
            return this;
        }

        public ClientBuilder lifetimes(long accessSeconds) {
            lifetimes = Optional.of(TokenLifetimes.ofSeconds(accessSeconds, 0));
            return this;
        }

        public ClientBuilder authMethod(TokenEndpointAuthMethod value) {
            authMethod = value;
            return this;
        }

        public ClientBuilder disabled() {
            enabled = false;
            return this;
        }

        public ClientBuilder kind(ClientKind value) {
            kind = value;
            return this;
        }

        public ClientBuilder redirectUris(String... value) {
            redirectUris = java.util.Arrays.stream(value).map(URI::create).toList();
            return this;
        }

        public Client build() {
            return new Client(tenantId, clientId, "Client " + clientId, "", kind, grantTypes, scopes, lifetimes,
                    redirectUris, authMethod, enabled);
        }
    }
}
