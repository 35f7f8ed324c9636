package dev.tollgate.bootstrap.provisioning;

import dev.tollgate.adapters.crypto.MasterKey;
import dev.tollgate.application.admin.AdminCaller;
import dev.tollgate.application.grant.JwtBearerSettings;
import dev.tollgate.application.moltin.MoltinSettings;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.provisioning.Provisioning;
import dev.tollgate.bootstrap.config.TollgateConfig;
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
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Creates the tenant and client named by {@code tollgate.bootstrap.*} when they do not exist. Also makes a missing
 * master key, or settings out of range, fail the start instead of the first request that needs them.
 */
@Singleton
public class StartupProvisioning {

    private static final Logger LOG = Logger.getLogger(StartupProvisioning.class);

    private final Provisioning provisioning;
    private final RandomValues random;
    private final TollgateConfig config;

    public StartupProvisioning(Provisioning provisioning, RandomValues random, TollgateConfig config) {
        this.provisioning = provisioning;
        this.random = random;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event, MasterKey masterKey, JwtBearerSettings jwtBearer, MoltinSettings moltin) {
        LOG.debugf("Master key loaded (%s); %s; %s", masterKey, jwtBearer, moltin);
        provisionAdminTenant();
        Optional<TollgateConfig.BootstrapTenant> wantedTenant = config.bootstrap().tenant();
        Optional<TollgateConfig.BootstrapClient> wantedClient = config.bootstrap().client();
        if (wantedTenant.isEmpty()) {
            if (wantedClient.isPresent()) {
                throw new IllegalStateException("tollgate.bootstrap.client needs tollgate.bootstrap.tenant.slug");
            }
            return;
        }
        Tenant tenant = provisioning.ensureTenant(tenant(wantedTenant.get()));
        wantedClient.ifPresent(c -> {
            var result = provisioning.ensureClient(client(tenant, c), c.secret().filter(s -> !s.isBlank()));
            if (result.created()) {
                LOG.infof("Created client %s in tenant %s", c.id(), tenant.slug());
            }
            // printed on the console, not logged: a generated secret is shown exactly once and must not reach log files
            result.generatedSecret().ifPresent(secret -> System.out.printf(
                    "%nGenerated secret of client %s (shown once, store it now): %s%n%n", c.id(), secret));
        });
    }

    /**
     * Like Keycloak's master realm: the {@code admin} tenant and its client, whose tokens (scopes tenants:manage,
     * clients:manage, users:manage, keys:manage, deprecations:manage) call the admin API for every tenant.
     */
    private void provisionAdminTenant() {
        TollgateConfig.Bootstrap bootstrap = config.bootstrap();
        Optional<String> secret = bootstrap.adminClientSecret().filter(s -> !s.isBlank());
        if (secret.isPresent() && secret.get().length() < 32) {
            throw new IllegalStateException("TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_SECRET must be at least 32 characters");
        }
        if (secret.isEmpty() && !bootstrap.generateAdminSecret()) {
            if (provisioning.findTenant(AdminCaller.ADMIN_TENANT).isEmpty()) {
                LOG.warn("No admin tenant yet: set TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_ID and "
                        + "TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_SECRET to create it and use the admin API");
            }
            return;
        }
        Tenant admin = provisioning.ensureTenant(new Tenant(random.newId(), new TenantSlug(AdminCaller.ADMIN_TENANT),
                "Tollgate administration", List.of(), Optional.empty(), Optional.empty(),
                TokenLifetimes.ofSeconds(300, 0), SigningAlgorithm.RS256, true));
        String clientId = bootstrap.adminClientId().filter(s -> !s.isBlank()).orElse("tollgate-admin");
        Client client = new Client(admin.id(), clientId, "Tollgate administrator", "Created at first start",
                ClientKind.tenantScoped(), java.util.Set.of(GrantType.CLIENT_CREDENTIALS),
                ClientScopes.scoped(Scope.of(AdminCaller.TENANTS_MANAGE, AdminCaller.CLIENTS_MANAGE,
                        AdminCaller.USERS_MANAGE, AdminCaller.KEYS_MANAGE,
                        AdminCaller.DEPRECATIONS_MANAGE)),
                Optional.empty(), List.of(), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
        var result = provisioning.ensureClient(client, secret);
        if (result.created()) {
            LOG.infof("Created the admin tenant's client %s", clientId);
        }
        result.generatedSecret().ifPresent(generated -> System.out.printf(
                "%nGenerated secret of the admin client %s (shown once, store it now): %s%n%n", clientId, generated));
    }

    private Tenant tenant(TollgateConfig.BootstrapTenant wanted) {
        TenantSlug slug = new TenantSlug(wanted.slug());
        SigningAlgorithm algorithm = SigningAlgorithm.parse(wanted.signingAlgorithm().orElse("RS256"))
                .orElseThrow(() -> new IllegalStateException(
                        "tollgate.bootstrap.tenant.signing-algorithm must be RS256 or ES256"));
        return new Tenant(
                random.newId(),
                slug,
                wanted.displayName().orElse(wanted.slug()),
                wanted.domains().orElse(List.of()),
                Optional.empty(),
                Optional.empty(),
                TokenLifetimes.ofSeconds(wanted.accessTokenTtl().orElse(86_400), wanted.refreshTokenTtl().orElse(0)),
                algorithm,
                true);
    }

    private static Client client(Tenant tenant, TollgateConfig.BootstrapClient wanted) {
        ClientScopes scopes = wanted.legacyApis().orElse(false)
                ? ClientScopes.legacyApis()
                : ClientScopes.scoped(Scope.of(wanted.scopes().orElse(List.of())));
        return new Client(
                tenant.id(),
                wanted.id(),
                wanted.name().orElse(wanted.id()),
                wanted.description().orElse(""),
                ClientKind.tenantScoped(),
                wanted.grantTypes().orElse(List.of("client_credentials")).stream().map(GrantType::new).collect(Collectors.toSet()),
                scopes,
                wanted.accessTokenTtl().map(ttl -> TokenLifetimes.ofSeconds(ttl, 0)),
                List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
                true);
    }
}
