package dev.tollgate.bootstrap.observability;

import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.SigningKeyRepository;
import dev.tollgate.application.port.SigningKeyVault;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when this replica can sign: the default tenant's active signing key opens with the master key it was
 * given. A replica started with the wrong master key (a mistyped secret, the key of another environment) would
 * answer every token request with a 500; this keeps it out of the load balancer instead.
 *
 * <p>Cheap enough to probe every few seconds: the active key comes from the repository cache (no database round trip
 * while it holds), and a key is opened (decrypted) once, not on every probe, until another one becomes active. It
 * never creates a key (the first token request does); with no default tenant or no key yet there is nothing to check.
 * While PostgreSQL is away and the cache is empty it reports DOWN, like the datasource check does anyway.
 */
@Readiness
@ApplicationScoped
public class SigningKeysReadiness implements HealthCheck {

    static final String NAME = "signing-keys";

    private final TenantDirectory tenants;
    private final SigningKeyRepository keys;
    private final SigningKeyVault vault;
    /** The id of the last active key that opened. */
    private final AtomicReference<String> opened = new AtomicReference<>();

    public SigningKeysReadiness(TenantDirectory tenants, SigningKeyRepository keys, SigningKeyVault vault) {
        this.tenants = tenants;
        this.keys = keys;
        this.vault = vault;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            if (!(tenants.byHost(null) instanceof Outcome.Success<Tenant> found)) {
                return HealthCheckResponse.named(NAME).up().withData("default_tenant", "none").build();
            }
            Optional<StoredSigningKey> active = keys.findActive(found.value().id());
            if (active.isEmpty()) {
                return HealthCheckResponse.named(NAME).up().withData("active_key", "none yet").build();
            }
            String keyId = active.get().keyId();
            if (!keyId.equals(opened.get())) {
                vault.open(active.get());
                opened.set(keyId);
            }
            return HealthCheckResponse.named(NAME).up().withData("active_key", keyId).build();
        } catch (RuntimeException e) {
            // the type only: a message of the crypto layer says nothing useful to a probe, and nothing secret leaks
            return HealthCheckResponse.named(NAME).down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
