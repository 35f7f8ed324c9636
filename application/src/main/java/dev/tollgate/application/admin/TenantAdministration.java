package dev.tollgate.application.admin;

import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.port.AuditLog;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.TenantRepository;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.audit.AuditEntry;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.LegacyTokenSettings;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.View;
import dev.tollgate.domain.tenant.TenantSlug;
import dev.tollgate.domain.token.TokenLifetimes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tenants, managed by callers of the admin tenant holding {@code tenants:manage}. */
@Singleton
public class TenantAdministration {

    /** What the tenant table holds for the implicit scope. */
    static final int MAX_IMPLICIT_SCOPE_LENGTH = 1000;


    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

    public static final String STANDARD = "standard";
    public static final String STOREFRONT = "storefront";

    private final TenantRepository tenants;
    private final ClientRepository clients;
    private final SigningKeys keys;
    private final AuditLog audit;
    private final Transactions transactions;
    private final RandomValues random;
    private final Clock clock;

    @Inject
    public TenantAdministration(TenantRepository tenants, ClientRepository clients, SigningKeys keys, AuditLog audit, Transactions transactions,
            RandomValues random, Clock clock) {
        this.tenants = tenants;
        this.clients = clients;
        this.keys = keys;
        this.audit = audit;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    public AdminResult<Tenant> create(AdminCaller caller, TenantSpec spec) {
        return allowed(caller).then(ok -> {
            Optional<TenantSlug> slug = spec.slug().flatMap(TenantSlug::parse);
            if (slug.isEmpty()) {
                return AdminResult.invalid("slug", "1 to 63 lowercase letters, digits or dashes, e.g. acme-staging");
            }
            Optional<TokenLifetimes> lifetimes = profileLifetimes(spec.profile().orElse(STANDARD));
            if (lifetimes.isEmpty()) {
                return AdminResult.invalid("profile", STANDARD + " or " + STOREFRONT);
            }
            Tenant defaults = new Tenant(random.newId(), slug.get(), slug.get().value(), List.of(), Optional.empty(),
                    Optional.empty(), lifetimes.get(), SigningAlgorithm.RS256, true);
            return apply(defaults, spec).then(tenant -> transactions.inTransaction(() -> {
                if (tenants.findBySlug(tenant.slug()).isPresent()) {
                    return AdminResult.refused(new AdminError.Conflict("Tenant " + tenant.slug() + " exists already"));
                }
                Optional<String> taken = tenants.domainTakenByAnother(tenant.domains(), tenant.id());
                if (taken.isPresent()) {
                    return AdminResult.refused(new AdminError.Conflict("Domain " + taken.get() + " belongs to another tenant"));
                }
                Tenant created = tenants.createIfAbsent(tenant);
                clients.createIfAbsent(LegacyV0Client.forTenant(created.id()), Optional.empty());
                record(caller, created, "tenant.create");
                return AdminResult.done(created);
            }));
        });
    }

    /**
     * Default token lifetimes by creation profile. Storefront-style tenants (seed 003) hand out short-lived access
     * tokens ({@code expires_in: 899}) and lean on rotating refresh tokens.
     */
    static Optional<TokenLifetimes> profileLifetimes(String profile) {
        return switch (profile) {
            case STANDARD -> Optional.of(TokenLifetimes.ofSeconds(86_400, 0));
            case STOREFRONT -> Optional.of(TokenLifetimes.ofSeconds(899, 30L * 86_400));
            default -> Optional.empty();
        };
    }

    public AdminResult<Page<Tenant>> list(AdminCaller caller, int offset, int limit) {
        if (offset < 0) {
            return AdminResult.invalid("offset", "0 or more");
        }
        if (limit < 1 || limit > ClientAdministration.MAX_PAGE) {
            return AdminResult.invalid("limit", "between 1 and " + ClientAdministration.MAX_PAGE);
        }
        return allowed(caller).map(ok -> Page.of(tenants.list(offset, limit + 1), offset, limit));
    }

    public AdminResult<Tenant> get(AdminCaller caller, String slug) {
        return allowed(caller).then(ok -> find(slug));
    }

    public AdminResult<Tenant> change(AdminCaller caller, String slug, TenantSpec spec) {
        if (spec.profile().isPresent()) {
            return AdminResult.invalid("profile", "only chosen at creation; change the TTLs instead");
        }
        return allowed(caller).then(ok -> find(slug)).then(current -> apply(current, spec)
                .then(changed -> !changed.enabled() && changed.slug().value().equals(AdminCaller.ADMIN_TENANT)
                        // a disabled admin tenant would lock every administrator out
                        ? AdminResult.<Tenant>refused(new AdminError.Conflict("The admin tenant cannot be disabled"))
                        : AdminResult.done(changed))
                .then(changed -> transactions.inTransaction(() -> {
                    Optional<String> taken = tenants.domainTakenByAnother(changed.domains(), changed.id());
                    if (taken.isPresent()) {
                        return AdminResult.refused(
                                new AdminError.Conflict("Domain " + taken.get() + " belongs to another tenant"));
                    }
                    tenants.update(changed);
                    if (changed.signingAlgorithm() != current.signingAlgorithm()) {
                        // the new algorithm needs a new key; the old key keeps verifying its tokens until they expire
                        keys.rotate(changed, TokenLifetimes.MAX_ACCESS_TOKEN);
                    }
                    record(caller, changed, "tenant.update");
                    return AdminResult.done(changed);
                })));
    }

    /** Only a disabled tenant can be deleted: disabling first stops its tokens being issued, deleting is final. */
    public AdminResult<String> delete(AdminCaller caller, String slug) {
        return allowed(caller).then(ok -> find(slug)).then(tenant -> {
            if (tenant.enabled()) {
                return AdminResult.refused(new AdminError.Conflict("Disable the tenant before deleting it"));
            }
            if (tenant.slug().value().equals(AdminCaller.ADMIN_TENANT)) {
                return AdminResult.refused(new AdminError.Conflict("The admin tenant cannot be deleted"));
            }
            return transactions.inTransaction(() -> {
                // recorded first: the audit row outlives the tenant it names
                record(caller, tenant, "tenant.delete");
                tenants.delete(tenant.id());
                return AdminResult.done(slug);
            });
        });
    }

    private AdminResult<Tenant> find(String slug) {
        return TenantSlug.parse(slug).flatMap(tenants::findBySlug)
                .<AdminResult<Tenant>>map(AdminResult::done)
                .orElseGet(() -> AdminResult.refused(new AdminError.NotFound("Unknown tenant " + slug)));
    }

    private static AdminResult<Boolean> allowed(AdminCaller caller) {
        if (!caller.isAdminTenant()) {
            return AdminResult.refused(new AdminError.Forbidden("Only the admin tenant manages tenants"));
        }
        if (!caller.scopes().tokens().contains(AdminCaller.TENANTS_MANAGE)) {
            return AdminResult.refused(new AdminError.Forbidden("The token lacks the scope " + AdminCaller.TENANTS_MANAGE));
        }
        return AdminResult.done(true);
    }

    private static AdminResult<Tenant> apply(Tenant current, TenantSpec spec) {
        if (spec.slug().isPresent() && !spec.slug().get().equals(current.slug().value())) {
            return AdminResult.invalid("slug", "cannot be changed");
        }
        String displayName = spec.displayName().orElse(current.displayName()).strip();
        if (displayName.isEmpty() || displayName.length() > 200 || !FreeText.line(displayName)) {
            return AdminResult.invalid("display_name", "1 to 200 characters, no control characters");
        }
        List<String> domains = new ArrayList<>();
        for (String domain : spec.domains().orElse(current.domains())) {
            String normalized = domain.toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(normalized).matches()) {
                return AdminResult.invalid("domains", "not a host name: " + domain);
            }
            if (!domains.contains(normalized)) {
                domains.add(normalized);
            }
        }
        int access = spec.accessTokenTtl().orElse((int) current.defaultLifetimes().accessToken().toSeconds());
        if (access < 60 || access > 86_400) {
            return AdminResult.invalid("access_token_ttl", "between 60 and 86400 seconds");
        }
        int refresh = spec.refreshTokenTtl().orElse((int) current.defaultLifetimes().refreshToken().toSeconds());
        if (refresh < 0) {
            return AdminResult.invalid("refresh_token_ttl", "0 or more seconds");
        }
        Optional<SigningAlgorithm> algorithm = spec.signingAlgorithm().isPresent()
                ? SigningAlgorithm.parse(spec.signingAlgorithm().get())
                : Optional.of(current.signingAlgorithm());
        if (algorithm.isEmpty()) {
            return AdminResult.invalid("signing_algorithm", "RS256 or ES256");
        }
        LegacyTokenSettings legacy = current.legacyTokens();
        String tenantClaim = spec.v0TenantClaim().orElse(legacy.tenantClaim());
        String rolesClaim = spec.v0RolesClaim().orElse(legacy.rolesClaim());
        if (!LegacyTokenSettings.validClaimName(tenantClaim)) {
            return AdminResult.invalid("v0_tenant_claim", "a claim name of printable characters, no spaces, at most "
                    + LegacyTokenSettings.MAX_CLAIM_LENGTH + ", not one Tollgate sets itself");
        }
        if (!LegacyTokenSettings.validClaimName(rolesClaim) || rolesClaim.equals(tenantClaim)) {
            return AdminResult.invalid("v0_roles_claim", "a claim name of printable characters, no spaces, at most "
                    + LegacyTokenSettings.MAX_CLAIM_LENGTH + ", not one Tollgate sets itself, not v0_tenant_claim");
        }
        Optional<View> defaultView = current.defaultView();
        if (spec.defaultView().isPresent()) {
            defaultView = View.parse(spec.defaultView().get());
            if (defaultView.isEmpty() && !spec.defaultView().get().isEmpty()) {
                return AdminResult.invalid("default_view",
                        "1 to 100 visible ASCII characters without spaces, or \"\" for none");
            }
        }
        Scope implicitScope = current.implicitScope();
        if (spec.implicitScope().isPresent()) {
            Optional<Scope> parsed = spec.implicitScope().get().length() > MAX_IMPLICIT_SCOPE_LENGTH
                    ? Optional.empty()
                    : Scope.parse(spec.implicitScope().get());
            if (parsed.isEmpty()) {
                return AdminResult.invalid("implicit_scope", "space-delimited scope tokens (RFC 6749 §3.3), at most "
                        + MAX_IMPLICIT_SCOPE_LENGTH + " characters, or \"\" for none");
            }
            implicitScope = parsed.get();
        }
        return AdminResult.done(new Tenant(current.id(), current.slug(), displayName, domains, current.issuerOverride(),
                current.audienceOverride(), TokenLifetimes.ofSeconds(access, refresh), algorithm.get(),
                spec.enabled().orElse(current.enabled()),
                new LegacyTokenSettings(tenantClaim, rolesClaim,
                        spec.v0RotateRefreshTokens().orElse(legacy.rotateRefreshTokens())),
                defaultView, implicitScope));
    }

    private void record(AdminCaller caller, Tenant tenant, String action) {
        audit.append(new AuditEntry(random.newId(), clock.instant(), tenant.id(), caller.actor(), action,
                "tenants/" + tenant.slug().value(), Map.<String, Object>of()));
    }
}
