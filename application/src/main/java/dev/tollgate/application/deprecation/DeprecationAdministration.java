package dev.tollgate.application.deprecation;

import dev.tollgate.application.admin.AdminCaller;
import dev.tollgate.application.admin.ClientAdministration;
import dev.tollgate.application.admin.Page;
import dev.tollgate.application.admin.TenantAccess;
import dev.tollgate.application.port.AuditLog;
import dev.tollgate.application.port.DeprecationOverrideRepository;
import dev.tollgate.application.port.LegacyUsageRepository;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.audit.AuditEntry;
import dev.tollgate.domain.deprecation.BrownoutWindow;
import dev.tollgate.domain.deprecation.DeprecationPlan;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deprecation policies of a tenant and its migration report, for admins holding {@code deprecations:manage}.
 * A tenant's own admins may make its policy stricter (an earlier sunset, extra brownouts); only callers of the admin
 * tenant may relax the service-wide one, e.g. grant a later sunset.
 */
@Singleton
public class DeprecationAdministration {

    public static final int MAX_BROWNOUTS = 100;

    private final TenantAccess access;
    private final Deprecations deprecations;
    private final DefaultDeprecations defaults;
    private final DeprecationOverrideRepository overrides;
    private final LegacyUsageRepository usage;
    private final LegacyUsageRecorder recorder;
    private final AuditLog audit;
    private final Transactions transactions;
    private final RandomValues random;
    private final Clock clock;

    @Inject
    public DeprecationAdministration(TenantAccess access, Deprecations deprecations, DefaultDeprecations defaults,
            DeprecationOverrideRepository overrides, LegacyUsageRepository usage, LegacyUsageRecorder recorder,
            AuditLog audit, Transactions transactions, RandomValues random, Clock clock) {
        this.access = access;
        this.deprecations = deprecations;
        this.defaults = defaults;
        this.overrides = overrides;
        this.usage = usage;
        this.recorder = recorder;
        this.audit = audit;
        this.transactions = transactions;
        this.random = random;
        this.clock = clock;
    }

    public AdminResult<TenantDeprecations> get(AdminCaller caller, String tenantSlug) {
        return target(caller, tenantSlug).map(this::view);
    }

    /** The tenant's overrides become exactly {@code specs}; surfaces not named fall back to the defaults. */
    public AdminResult<TenantDeprecations> replace(AdminCaller caller, String tenantSlug, List<PolicySpec> specs) {
        return target(caller, tenantSlug).then(tenant -> parse(specs).then(policies -> {
            if (!caller.isAdminTenant()) {
                Optional<String> relaxed = policies.values().stream().map(this::relaxation)
                        .flatMap(Optional::stream).findFirst();
                if (relaxed.isPresent()) {
                    return AdminResult.refused(new AdminError.Forbidden(
                            "Only the service operator may relax the service-wide policy: " + relaxed.get()));
                }
            }
            return transactions.inTransaction(() -> {
                overrides.replace(tenant.id(), policies.values());
                audit.append(new AuditEntry(random.newId(), clock.instant(), tenant.id(), caller.actor(),
                        "deprecations.replace", "tenants/" + tenant.slug().value() + "/deprecations",
                        Map.<String, Object>of("surfaces",
                                policies.keySet().stream().map(LegacySurface::wireName).toList())));
                return AdminResult.done(view(tenant));
            });
        }));
    }

    /** Who still calls the legacy surfaces of the tenant, most recently seen first. */
    public AdminResult<Page<UsageReportLine>> usage(AdminCaller caller, String tenantSlug, int offset, int limit) {
        if (offset < 0) {
            return AdminResult.invalid("offset", "0 or more");
        }
        if (limit < 1 || limit > ClientAdministration.MAX_PAGE) {
            return AdminResult.invalid("limit", "between 1 and " + ClientAdministration.MAX_PAGE);
        }
        return target(caller, tenantSlug).map(tenant -> {
            // what this replica counted but has not written yet belongs in the report too
            recorder.flush();
            return Page.of(usage.report(tenant.id(), offset, limit + 1), offset, limit);
        });
    }

    private TenantDeprecations view(Tenant tenant) {
        DeprecationPlan plan = deprecations.plan(Optional.of(tenant));
        Instant now = clock.instant();
        List<TenantDeprecations.Surface> surfaces = new ArrayList<>();
        for (LegacySurface surface : LegacySurface.values()) {
            plan.policyFor(surface).ifPresent(policy -> surfaces.add(
                    new TenantDeprecations.Surface(policy, plan.overridden(surface), policy.decide(now, Optional.of(tenant.slug())))));
        }
        return new TenantDeprecations(tenant, surfaces);
    }

    private AdminResult<Map<LegacySurface, DeprecationPolicy>> parse(List<PolicySpec> specs) {
        Map<LegacySurface, DeprecationPolicy> policies = new EnumMap<>(LegacySurface.class);
        for (int i = 0; i < specs.size(); i++) {
            String at = "surfaces[" + i + "].";
            PolicySpec spec = specs.get(i);
            Optional<LegacySurface> surface = spec.surface().flatMap(LegacySurface::parse);
            if (surface.isEmpty()) {
                return AdminResult.invalid(at + "surface", "one of " + String.join(", ",
                        Arrays.stream(LegacySurface.values()).map(LegacySurface::wireName).toList()));
            }
            if (policies.containsKey(surface.get())) {
                return AdminResult.invalid(at + "surface", "named twice");
            }
            Optional<DeprecationPolicy> standard = Optional.ofNullable(defaults.policies().get(surface.get()));
            Optional<Instant> deprecatedAt = spec.deprecatedAt().isPresent()
                    ? instant(spec.deprecatedAt().get())
                    : standard.map(DeprecationPolicy::deprecatedAt);
            if (deprecatedAt.isEmpty()) {
                return AdminResult.invalid(at + "deprecated_at", "an RFC 3339 time, e.g. 2024-01-08T00:00:00Z");
            }
            Optional<Instant> sunsetAt = spec.sunsetAt().flatMap(DeprecationAdministration::instant);
            if (spec.sunsetAt().isPresent() && sunsetAt.isEmpty()) {
                return AdminResult.invalid(at + "sunset_at", "an RFC 3339 time, e.g. 2027-01-01T00:00:00Z");
            }
            if (sunsetAt.isPresent() && !sunsetAt.get().isAfter(deprecatedAt.get())) {
                return AdminResult.invalid(at + "sunset_at", "after deprecated_at");
            }
            Optional<URI> link = spec.link().isPresent()
                    ? link(spec.link().get())
                    : standard.map(DeprecationPolicy::guide);
            if (link.isEmpty()) {
                return AdminResult.invalid(at + "link", "an absolute http or https URL");
            }
            List<PolicySpec.Window> windows = spec.brownouts().orElse(List.of());
            if (windows.size() > MAX_BROWNOUTS) {
                return AdminResult.invalid(at + "brownouts", "at most " + MAX_BROWNOUTS);
            }
            List<BrownoutWindow> brownouts = new ArrayList<>();
            for (int j = 0; j < windows.size(); j++) {
                String field = at + "brownouts[" + j + "]";
                Optional<Instant> start = windows.get(j).start().flatMap(DeprecationAdministration::instant);
                Optional<Instant> end = windows.get(j).end().flatMap(DeprecationAdministration::instant);
                if (start.isEmpty()) {
                    return AdminResult.invalid(field + ".start", "an RFC 3339 time");
                }
                if (end.isEmpty() || !end.get().isAfter(start.get())) {
                    return AdminResult.invalid(field + ".end", "an RFC 3339 time after start");
                }
                brownouts.add(new BrownoutWindow(start.get(), end.get()));
            }
            policies.put(surface.get(),
                    new DeprecationPolicy(surface.get(), deprecatedAt.get(), sunsetAt, link.get(), brownouts));
        }
        return AdminResult.done(policies);
    }

    /** How {@code policy} is more lenient than the service-wide one, if it is. */
    private Optional<String> relaxation(DeprecationPolicy policy) {
        DeprecationPolicy standard = defaults.policies().get(policy.surface());
        String surface = policy.surface().wireName();
        if (standard == null) {
            return Optional.empty();
        }
        if (policy.deprecatedAt().isAfter(standard.deprecatedAt())) {
            return Optional.of(surface + " deprecated_at is later than " + standard.deprecatedAt());
        }
        if (standard.sunsetAt().isPresent()
                && (policy.sunsetAt().isEmpty() || policy.sunsetAt().get().isAfter(standard.sunsetAt().get()))) {
            return Optional.of(surface + " sunset_at is later than " + standard.sunsetAt().get());
        }
        Instant now = clock.instant();
        for (BrownoutWindow window : standard.brownouts()) {
            if (window.end().isAfter(now) && !policy.brownouts().contains(window)) {
                return Optional.of(surface + " drops the brownout " + window.start() + "/" + window.end());
            }
        }
        return Optional.empty();
    }

    private AdminResult<Tenant> target(AdminCaller caller, String tenantSlug) {
        return access.resolve(caller, tenantSlug, AdminCaller.DEPRECATIONS_MANAGE);
    }


    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> link(String value) {
        try {
            URI uri = new URI(value);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && value.length() <= 2000 ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
