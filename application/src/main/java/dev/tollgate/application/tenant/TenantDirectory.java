package dev.tollgate.application.tenant;

import dev.tollgate.application.port.TenantRepository;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/** Finds the tenant a request belongs to: by the slug in a realm path, or by the Host of an unprefixed path. */
@Singleton
public class TenantDirectory {

    private final TenantRepository tenants;
    private final ServiceSettings settings;

    @Inject
    public TenantDirectory(TenantRepository tenants, ServiceSettings settings) {
        this.tenants = tenants;
        this.settings = settings;
    }

    public Outcome<Tenant> bySlug(String slug) {
        return enabled(TenantSlug.parse(slug).flatMap(tenants::findBySlug));
    }

    /** The tenant owning {@code host}, else the configured default tenant. */
    public Outcome<Tenant> byHost(String host) {
        Optional<Tenant> byDomain = Optional.ofNullable(host)
                .map(TenantDirectory::hostName)
                .filter(h -> !h.isEmpty())
                .flatMap(tenants::findByDomain);
        if (byDomain.isPresent()) {
            return enabled(byDomain);
        }
        return enabled(settings.defaultTenant().flatMap(tenants::findBySlug));
    }

    private static Outcome<Tenant> enabled(Optional<Tenant> tenant) {
        return tenant.filter(Tenant::enabled)
                .<Outcome<Tenant>>map(Outcome::success)
                .orElseGet(() -> Outcome.failure(OAuthError.unknownTenant()));
    }

    /** Strips the port and lowercases; IPv6 literals keep their brackets. */
    static String hostName(String hostHeader) {
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.indexOf(':');
        String name = colon >= 0 ? host.substring(0, colon) : host;
        // "shop.example.com." is the same host as "shop.example.com"
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
