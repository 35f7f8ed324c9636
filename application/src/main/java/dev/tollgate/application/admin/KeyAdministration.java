package dev.tollgate.application.admin;

import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.AuditLog;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.audit.AuditEntry;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.TokenLifetimes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A tenant's signing keys: list them, rotate to a new one. */
@Singleton
public class KeyAdministration {

    private final TenantAccess access;
    private final SigningKeys keys;
    private final AuditLog audit;
    private final Transactions transactions;
    private final RandomValues random;
    private final Clock clock;

    @Inject
    public KeyAdministration(TenantAccess access, SigningKeys keys, AuditLog audit, Transactions transactions,
            RandomValues random, Clock clock) {
        this.access = access;
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    public AdminResult<List<StoredSigningKey>> list(AdminCaller caller, String tenantSlug) {
        return target(caller, tenantSlug).map(keys::published);
    }

    /**
     * The new key signs from now on. The old one stays in the JWKS for the longest access token lifetime a client
     * may have (86400 s), so every token it signed still verifies until it expires.
     */
    public AdminResult<StoredSigningKey> rotate(AdminCaller caller, String tenantSlug) {
        return target(caller, tenantSlug).map(tenant -> transactions.inTransaction(() -> {
            StoredSigningKey next = keys.rotate(tenant, TokenLifetimes.MAX_ACCESS_TOKEN);
            audit.append(new AuditEntry(random.newId(), clock.instant(), tenant.id(), caller.actor(), "key.rotate",
                    "keys/" + next.keyId(), Map.of()));
            return next;
        }));
    }

    private AdminResult<Tenant> target(AdminCaller caller, String tenantSlug) {
        return access.resolve(caller, tenantSlug, AdminCaller.KEYS_MANAGE);
    }
}
