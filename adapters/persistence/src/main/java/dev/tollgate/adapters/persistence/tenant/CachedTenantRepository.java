package dev.tollgate.adapters.persistence.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import dev.tollgate.adapters.persistence.cache.RepositoryCaches;
import dev.tollgate.application.port.TenantRepository;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenants by slug and by domain, from memory when they were read before (see {@link RepositoryCaches}); Host names
 * that are no tenant's are remembered too, so the default tenant's requests cost no lookup either.
 */
@ApplicationScoped
public class CachedTenantRepository implements TenantRepository {

    private final PanacheTenantRepository database;
    private final RepositoryCaches caches;
    private final Cache<TenantSlug, Optional<Tenant>> bySlug;
    private final Cache<String, Optional<Tenant>> byDomain;

    public CachedTenantRepository(PanacheTenantRepository database, RepositoryCaches caches) {
        this.database = database;
        this.caches = caches;
        this.bySlug = caches.create("tenants_by_slug");
        this.byDomain = caches.create("tenants_by_domain");
    }

    @Override
    public Optional<Tenant> findBySlug(TenantSlug slug) {
        return caches.read(bySlug, slug, database::findBySlug);
    }

    @Override
    public Optional<Tenant> findByDomain(String host) {
        return caches.read(byDomain, host.toLowerCase(Locale.ROOT), database::findByDomain);
    }

    @Override
    public Tenant createIfAbsent(Tenant tenant) {
        return caches.write(() -> database.createIfAbsent(tenant));
    }

    @Override
    public List<Tenant> list(int offset, int limit) {
        return database.list(offset, limit);
    }

    @Override
    public Optional<String> domainTakenByAnother(List<String> domains, UUID tenantId) {
        return database.domainTakenByAnother(domains, tenantId);
    }

    @Override
    public boolean update(Tenant tenant) {
        return caches.write(() -> database.update(tenant));
    }

    @Override
    public boolean delete(UUID tenantId) {
        return caches.write(() -> database.delete(tenantId));
    }
}
