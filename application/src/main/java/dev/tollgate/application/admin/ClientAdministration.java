package dev.tollgate.application.admin;

import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.grant.GrantHandlers;
import dev.tollgate.application.port.AuditLog;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.JwkSetValidator;
import dev.tollgate.application.port.SecretSealer;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.audit.AuditEntry;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API clients as a tenant administrator manages them (seed 002): the secret is shown once, at creation or
 * rotation, and stored only as a digest; every change is audited in the same transaction.
 *
 * <p>A client allowed the JWT bearer grant keeps its secret sealed too (HS256 assertions need the secret itself),
 * but only from a creation or rotation on: a secret that exists before the grant is added is known only by its
 * digest, so HS256 assertions fail until the secret is rotated. Taking the grant away drops the sealed copies.
 */
@Singleton
public class ClientAdministration {

    /** A client with its plain secret, returned by creation and rotation only. */
    public record WithSecret(Client client, Optional<String> secret) {
        @Override
        public String toString() {
            return "WithSecret[" + client.clientId() + "]";
        }
    }

    public static final int MAX_PAGE = 200;

    private final TenantAccess access;
    private final ClientRepository clients;
    private final SecretDigester digester;
    private final SecretSealer sealer;
    private final JwkSetValidator jwkSets;
    private final RandomValues random;
    private final GrantHandlers grants;
    private final UserRepository users;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public ClientAdministration(TenantAccess access, ClientRepository clients, SecretDigester digester,
            SecretSealer sealer, JwkSetValidator jwkSets, RandomValues random, GrantHandlers grants,
            UserRepository users, AuditLog audit, Transactions transactions, Clock clock) {
        this.access = access;
        this.clients = clients;
        this.digester = digester;
        this.sealer = sealer;
        this.jwkSets = jwkSets;
        this.random = random;
        this.grants = grants;
        this.users = users;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public AdminResult<WithSecret> create(AdminCaller caller, String tenantSlug, ClientSpec spec) {
        return target(caller, tenantSlug).then(tenant -> ClientRules.create(tenant.id(), spec, grants.supported())
                .then(this::ownerExists)
                .then(client -> withJwks(client, spec))
                .then(client -> transactions.inTransaction(() -> {
                    Optional<String> secret = client.authMethod().usesSharedSecret()
                            ? Optional.of(random.newSecret()) : Optional.empty();
                    Optional<StoredSecret> stored = secret.map(s -> stored(client, s, clock.instant()));
                    if (!clients.createIfAbsent(client, stored)) {
                        return AdminResult.refused(new AdminError.Conflict(
                                "A client with client_id " + client.clientId() + " exists already"));
                    }
                    record(caller, tenant, "client.create", client.clientId(), Map.of());
                    return AdminResult.done(new WithSecret(client, secret));
                })));
    }

    public AdminResult<Client> get(AdminCaller caller, String tenantSlug, String clientId) {
        return target(caller, tenantSlug).then(tenant -> find(tenant, clientId));
    }

    public AdminResult<Page<Client>> list(AdminCaller caller, String tenantSlug, int offset, int limit) {
        if (offset < 0) {
            return AdminResult.invalid("offset", "0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            return AdminResult.invalid("limit", "between 1 and " + MAX_PAGE);
        }
        return target(caller, tenantSlug)
                .map(tenant -> Page.of(clients.list(tenant.id(), offset, limit + 1), offset, limit));
    }

    public AdminResult<Client> change(AdminCaller caller, String tenantSlug, String clientId, ClientSpec spec) {
        return target(caller, tenantSlug).then(tenant -> find(tenant, clientId)
                .then(current -> LegacyV0Client.is(current)
                        ? ClientRules.applyToBuiltIn(current, spec)
                        : ClientRules.apply(current, spec, grants.supported()))
                .then(this::ownerExists)
                .then(changed -> withJwks(changed, spec))
                .then(changed -> transactions.inTransaction(() -> {
                    if (!clients.update(changed)) {
                        return notFound(clientId);
                    }
                    if (!changed.allows(GrantType.JWT_BEARER)) {
                        // nothing may need the secret itself any more: keep the digests only
                        clients.forgetSealedSecrets(tenant.id(), clientId);
                    }
                    record(caller, tenant, "client.update", clientId, Map.of());
                    return AdminResult.done(changed);
                })));
    }

    public AdminResult<String> delete(AdminCaller caller, String tenantSlug, String clientId) {
        if (clientId.equals(LegacyV0Client.CLIENT_ID)) {
            return AdminResult.refused(new AdminError.Conflict(
                    "The built-in v0 client cannot be deleted; disable it to turn the Token API v0 off"));
        }
        return target(caller, tenantSlug).then(tenant -> transactions.inTransaction(() -> {
            if (!clients.delete(tenant.id(), clientId)) {
                return notFound(clientId);
            }
            record(caller, tenant, "client.delete", clientId, Map.of());
            return AdminResult.done(clientId);
        }));
    }

    /**
     * Issues a new secret, shown once. Older secrets keep working for {@code graceSeconds} from now, then stop, so
     * that callers can roll the new one out without downtime.
     */
    public AdminResult<WithSecret> rotateSecret(AdminCaller caller, String tenantSlug, String clientId, long graceSeconds) {
        if (graceSeconds < 0 || graceSeconds > Duration.ofDays(30).toSeconds()) {
            return AdminResult.invalid("grace_seconds", "between 0 and 2592000");
        }
        return target(caller, tenantSlug).then(tenant -> find(tenant, clientId).then(client -> {
            if (!client.authMethod().usesSharedSecret()) {
                return AdminResult.refused(new AdminError.Conflict("This client does not use a shared secret"));
            }
            return transactions.inTransaction(() -> {
                Instant now = clock.instant();
                String secret = random.newSecret();
                StoredSecret stored = stored(client, secret, now);
                if (!clients.rotateSecret(tenant.id(), clientId, stored, now.plusSeconds(graceSeconds))) {
                    return notFound(clientId);
                }
                record(caller, tenant, "client.secret.rotate", clientId, Map.of("grace_seconds", graceSeconds));
                return AdminResult.done(new WithSecret(client, Optional.of(secret)));
            });
        }));
    }

    /** The digest of a new secret, and its sealed copy when the client may sign JWT bearer assertions with it. */
    private StoredSecret stored(Client client, String secret, Instant now) {
        Optional<String> sealed = client.allows(GrantType.JWT_BEARER)
                ? Optional.of(sealer.seal(client.tenantId(), client.clientId(), secret))
                : Optional.empty();
        return new StoredSecret(digester.digest(secret), now, Optional.empty(), sealed);
    }

    /** Applies the spec's {@code jwks}, checked to hold only public RSA and EC keys. */
    private AdminResult<Client> withJwks(Client client, ClientSpec spec) {
        if (spec.jwks().isEmpty()) {
            return AdminResult.done(client);
        }
        return switch (jwkSets.validate(spec.jwks().get())) {
            case JwkSetValidator.Result.Valid valid -> AdminResult.done(client.withJwks(valid.jwks()));
            case JwkSetValidator.Result.Invalid invalid -> AdminResult.invalid("jwks", invalid.reason());
        };
    }

    private AdminResult<Tenant> target(AdminCaller caller, String tenantSlug) {
        return access.resolve(caller, tenantSlug, AdminCaller.CLIENTS_MANAGE);
    }

    /** A user-scoped client acts as its owner, who must be a user of the same tenant. */
    private AdminResult<Client> ownerExists(Client client) {
        if (!(client.kind() instanceof ClientKind.UserScoped scoped)) {
            return AdminResult.done(client);
        }
        Optional<UUID> owner;
        try {
            owner = Optional.of(UUID.fromString(scoped.ownerUserId()));
        } catch (IllegalArgumentException e) {
            owner = Optional.empty();
        }
        return owner.flatMap(id -> users.find(client.tenantId(), id)).isPresent()
                ? AdminResult.done(client)
                : AdminResult.invalid("owner", "not a user of this tenant");
    }

    private AdminResult<Client> find(Tenant tenant, String clientId) {
        return clients.find(tenant.id(), clientId)
                .<AdminResult<Client>>map(registration -> AdminResult.done(registration.client()))
                .orElseGet(() -> notFound(clientId));
    }

    private static <T> AdminResult<T> notFound(String clientId) {
        return AdminResult.refused(new AdminError.NotFound("Unknown client " + clientId));
    }

    private void record(AdminCaller caller, Tenant tenant, String action, String clientId, Map<String, Object> details) {
        audit.append(new AuditEntry(random.newId(), clock.instant(), tenant.id(), caller.actor(), action,
                "clients/" + clientId, details));
    }
}
