package dev.tollgate.application.provisioning;

import dev.tollgate.application.admin.AdminCaller;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.application.port.TenantRepository;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a tenant and a client when they do not exist yet. Used at start-up from configuration; existing data is
 * never changed, so a restart with the same configuration is a no-op.
 */
@Singleton
public class Provisioning {

    /** What provisioning a client did; {@code secret} is the plain secret only when it was generated just now. */
    public record ClientProvisioned(Client client, boolean created, Optional<String> generatedSecret) {
        public ClientProvisioned {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(generatedSecret, "generatedSecret");
        }

        @Override
        public String toString() {
            return "ClientProvisioned[" + client.clientId() + ", created=" + created + "]";
        }
    }

    private final TenantRepository tenants;
    private final ClientRepository clients;
    private final SecretDigester digester;
    private final RandomValues random;
    private final Clock clock;

    @Inject
    public Provisioning(
            TenantRepository tenants,
            ClientRepository clients,
            SecretDigester digester,
            RandomValues random,
            Clock clock) {
        this.tenants = tenants;
        this.clients = clients;
        this.digester = digester;
        this.random = random;
        this.clock = clock;
    }

    public Optional<Tenant> findTenant(String slug) {
        return TenantSlug.parse(slug).flatMap(tenants::findBySlug);
    }

    /** The tenant with the slug of {@code wanted}, created from it when absent, with its built-in v0 client. */
    public Tenant ensureTenant(Tenant wanted) {
        Tenant tenant = tenants.findBySlug(wanted.slug()).orElseGet(() -> tenants.createIfAbsent(wanted));
        // the admin tenant has administrators, not v0 integrations
        if (!tenant.slug().value().equals(AdminCaller.ADMIN_TENANT)) {
            clients.createIfAbsent(LegacyV0Client.forTenant(tenant.id()), Optional.empty());
        }
        return tenant;
    }

    /**
     * Creates {@code wanted} unless a client with its id exists in the tenant. A confidential client gets
     * {@code secret}, or a newly generated one that is returned once.
     */
    public ClientProvisioned ensureClient(Client wanted, Optional<String> secret) {
        var existing = clients.find(wanted.tenantId(), wanted.clientId());
        if (existing.isPresent()) {
            return new ClientProvisioned(existing.get().client(), false, Optional.empty());
        }
        Optional<String> generated = Optional.empty();
        Optional<StoredSecret> stored = Optional.empty();
        // only shared-secret methods get a secret: private_key_jwt clients authenticate with their own keys
        if (wanted.authMethod().usesSharedSecret()) {
            String plain = secret.orElseGet(random::newSecret);
            generated = secret.isPresent() ? Optional.empty() : Optional.of(plain);
            stored = Optional.of(new StoredSecret(digester.digest(plain), clock.instant(), Optional.empty()));
        }
        boolean created = clients.createIfAbsent(wanted, stored);
        if (!created) {
            // another replica created it between our read and our write
            return new ClientProvisioned(clients.find(wanted.tenantId(), wanted.clientId()).orElseThrow().client(),
                    false, Optional.empty());
        }
        return new ClientProvisioned(wanted, true, generated);
    }
}
