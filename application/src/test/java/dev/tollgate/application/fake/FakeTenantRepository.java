package dev.tollgate.application.fake;

import dev.tollgate.application.port.TenantRepository;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Tenants in a map by slug; domains match case-insensitively, as the port promises. */
public final class FakeTenantRepository implements TenantRepository {

    private final Map<TenantSlug, Tenant> bySlug = new LinkedHashMap<>();
    public int createCalls;
    /** Every host passed to {@link #findByDomain}, to check what the directory hands over. */
    public final java.util.List<String> domainLookups = new java.util.ArrayList<>();

    /** Stores or replaces a tenant directly (test set-up). */
    public Tenant put(Tenant tenant) {
        bySlug.put(tenant.slug(), tenant);
        return tenant;
    }

    public int size() {
        return bySlug.size();
    }

    @Override
    public Optional<Tenant> findBySlug(TenantSlug slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    @Override
    public Optional<Tenant> findByDomain(String host) {
        domainLookups.add(host);
        return bySlug.values().stream()
                .filter(t -> t.domains().stream().anyMatch(d -> d.toLowerCase(Locale.ROOT).equals(
                        host.toLowerCase(Locale.ROOT))))
                .findFirst();
    }

    @Override
    public Tenant createIfAbsent(Tenant tenant) {
        createCalls++;
        return bySlug.computeIfAbsent(tenant.slug(), s -> tenant);
    }

    @Override
    public java.util.List<Tenant> list(int offset, int limit) {
        return bySlug.values().stream().sorted(java.util.Comparator.comparing(t -> t.slug().value()))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public Optional<String> domainTakenByAnother(java.util.List<String> domains, java.util.UUID tenantId) {
        return bySlug.values().stream().filter(t -> !t.id().equals(tenantId))
                .flatMap(t -> t.domains().stream()).filter(domains::contains).findFirst();
    }

    @Override
    public boolean update(Tenant tenant) {
        return bySlug.replace(tenant.slug(), tenant) != null;
    }

    @Override
    public boolean delete(java.util.UUID tenantId) {
        return bySlug.values().removeIf(t -> t.id().equals(tenantId));
    }
}
