package dev.tollgate.bootstrap.support;

import dev.tollgate.application.port.PasswordHasher;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.domain.user.User;
import dev.tollgate.application.provisioning.Provisioning;
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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates tenants and clients through the application's own use case, each test with names of its own. */
@ApplicationScoped
public class Fixtures {

    /** A created client and its plain secret. */
    public record ClientWithSecret(Client client, String secret) {
    }

    private final Provisioning provisioning;
    private final RandomValues random;
    private final UserRepository users;
    private final PasswordHasher hasher;

    public Fixtures(Provisioning provisioning, RandomValues random, UserRepository users, PasswordHasher hasher) {
        this.provisioning = provisioning;
        this.random = random;
        this.users = users;
        this.hasher = hasher;
    }

    /** A user of the tenant with a bcrypt-hashed password (at the test cost). */
    public User user(Tenant tenant, String email, String username, String password, List<String> roles) {
        User user = new User(random.newId(), tenant.id(), email, username, "", roles, true);
        users.create(user, hasher.hash(password));
        return user;
    }

    public Tenant tenant(String slug, SigningAlgorithm algorithm, List<String> domains) {
        return provisioning.ensureTenant(new Tenant(random.newId(), new TenantSlug(slug), slug, domains,
                Optional.empty(), Optional.empty(), TokenLifetimes.ofSeconds(3600, 0), algorithm, true));
    }

    public ClientWithSecret client(Tenant tenant, String clientId, Scope scopes, Set<GrantType> grants,
            TokenEndpointAuthMethod method, boolean enabled, Optional<TokenLifetimes> lifetimes) {
        Client client = new Client(tenant.id(), clientId, clientId, "", ClientKind.tenantScoped(), grants,
                ClientScopes.scoped(scopes), lifetimes, List.of(), method, enabled);
        var result = provisioning.ensureClient(client, Optional.empty());
        return new ClientWithSecret(result.client(), result.generatedSecret().orElse(null));
    }

    /** A confidential client whose secret is chosen by the test (e.g. to exercise RFC 6749 §2.3.1 encoding). */
    public ClientWithSecret clientWithSecret(Tenant tenant, String clientId, Scope scopes, String secret) {
        Client client = new Client(tenant.id(), clientId, clientId, "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS), ClientScopes.scoped(scopes), Optional.empty(), List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
        return new ClientWithSecret(provisioning.ensureClient(client, Optional.of(secret)).client(), secret);
    }

    public ClientWithSecret confidentialClient(Tenant tenant, String clientId, Scope scopes) {
        return client(tenant, clientId, scopes, Set.of(GrantType.CLIENT_CREDENTIALS),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true, Optional.empty());
    }
}
