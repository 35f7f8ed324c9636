package dev.tollgate.adapters.persistence.tenant;

import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.port.TenantRepository;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.LegacyTokenSettings;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import dev.tollgate.domain.tenant.View;
import dev.tollgate.domain.token.TokenLifetimes;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The database behind {@code CachedTenantRepository}, which is the port's bean. */
@ApplicationScoped
@DatabaseCall
@Typed(PanacheTenantRepository.class)
public class PanacheTenantRepository implements TenantRepository {

    private final EntityManager em;

    public PanacheTenantRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public Optional<Tenant> findBySlug(TenantSlug slug) {
        return TenantEntity.<TenantEntity>find("slug", slug.value()).firstResultOptional().map(this::toDomain);
    }

    @Override
    @Transactional
    public Optional<Tenant> findByDomain(String host) {
        return TenantDomainEntity.<TenantDomainEntity>findByIdOptional(host.toLowerCase(Locale.ROOT))
                .flatMap(d -> TenantEntity.<TenantEntity>findByIdOptional(d.tenantId))
                .map(this::toDomain);
    }

    @Override
    @Transactional
    public Tenant createIfAbsent(Tenant tenant) {
        // ON CONFLICT keeps a concurrent start-up of another replica from failing this one
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                insert into tenant (id, slug, display_name, issuer, audience, access_token_ttl_seconds,
                                    refresh_token_ttl_seconds, signing_algorithm, enabled, created_at, updated_at,
                                    v0_tenant_claim, v0_roles_claim, v0_rotate_refresh_tokens, default_view,
                                    implicit_scope)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, ?14, ?15)
                on conflict (slug) do nothing
                """)
                .setParameter(1, tenant.id())
                .setParameter(2, tenant.slug().value())
                .setParameter(3, tenant.displayName())
                .setParameter(4, tenant.issuerOverride().map(URI::toString).orElse(null))
                .setParameter(5, tenant.audienceOverride().orElse(null))
                .setParameter(6, (int) tenant.defaultLifetimes().accessToken().toSeconds())
                .setParameter(7, (int) tenant.defaultLifetimes().refreshToken().toSeconds())
                .setParameter(8, tenant.signingAlgorithm().name())
                .setParameter(9, tenant.enabled())
                .setParameter(10, now)
                .setParameter(11, tenant.legacyTokens().tenantClaim())
                .setParameter(12, tenant.legacyTokens().rolesClaim())
                .setParameter(13, tenant.legacyTokens().rotateRefreshTokens())
                .setParameter(14, tenant.defaultView().map(View::id).orElse(null))
                .setParameter(15, tenant.implicitScope().value())
                .executeUpdate();
        if (inserted == 1) {
            for (String domain : tenant.domains()) {
                em.createNativeQuery("insert into tenant_domain (domain, tenant_id) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, domain.toLowerCase(Locale.ROOT))
                        .setParameter(2, tenant.id())
                        .executeUpdate();
            }
        }
        return findBySlug(tenant.slug()).orElseThrow();
    }

    @Override
    @Transactional
    public List<Tenant> list(int offset, int limit) {
        return TenantEntity.<TenantEntity>findAll(Sort.ascending("slug")).range(offset, offset + limit - 1).list()
                .stream().map(this::toDomain).toList();
    }

    @Override
    @Transactional
    public Optional<String> domainTakenByAnother(List<String> domains, UUID tenantId) {
        if (domains.isEmpty()) {
            return Optional.empty();
        }
        return TenantDomainEntity.<TenantDomainEntity>find("domain in ?1 and tenantId <> ?2", domains, tenantId)
                .firstResultOptional().map(d -> d.domain);
    }

    @Override
    @Transactional
    public boolean update(Tenant tenant) {
        TenantEntity e = TenantEntity.findById(tenant.id());
        if (e == null) {
            return false;
        }
        e.displayName = tenant.displayName();
        e.accessTokenTtlSeconds = (int) tenant.defaultLifetimes().accessToken().toSeconds();
        e.refreshTokenTtlSeconds = (int) tenant.defaultLifetimes().refreshToken().toSeconds();
        e.signingAlgorithm = tenant.signingAlgorithm().name();
        e.enabled = tenant.enabled();
        e.v0TenantClaim = tenant.legacyTokens().tenantClaim();
        e.v0RolesClaim = tenant.legacyTokens().rolesClaim();
        e.v0RotateRefreshTokens = tenant.legacyTokens().rotateRefreshTokens();
        e.defaultView = tenant.defaultView().map(View::id).orElse(null);
        e.implicitScope = tenant.implicitScope().value();
        e.updatedAt = Instant.now();
        TenantDomainEntity.delete("tenantId", tenant.id());
        // the delete must reach the database before the same domains are inserted again
        em.flush();
        for (String domain : tenant.domains()) {
            TenantDomainEntity d = new TenantDomainEntity();
            d.domain = domain.toLowerCase(Locale.ROOT);
            d.tenantId = tenant.id();
            d.persist();
        }
        return true;
    }

    @Override
    @Transactional
    public boolean delete(UUID tenantId) {
        // domains, clients, secrets and keys go with it (on delete cascade)
        return TenantEntity.deleteById(tenantId);
    }

    private Tenant toDomain(TenantEntity e) {
        List<String> domains = TenantDomainEntity.<TenantDomainEntity>list("tenantId", e.id).stream()
                .map(d -> d.domain)
                .sorted()
                .toList();
        return new Tenant(
                e.id,
                new TenantSlug(e.slug),
                e.displayName,
                domains,
                Optional.ofNullable(e.issuer).map(URI::create),
                Optional.ofNullable(e.audience),
                TokenLifetimes.ofSeconds(e.accessTokenTtlSeconds, e.refreshTokenTtlSeconds),
                SigningAlgorithm.valueOf(e.signingAlgorithm),
                e.enabled,
                new LegacyTokenSettings(e.v0TenantClaim, e.v0RolesClaim, e.v0RotateRefreshTokens),
                Optional.ofNullable(e.defaultView).map(View::new),
                // stored only after the admin API parsed it; an edit by hand that breaks it narrows to nothing
                Scope.parse(e.implicitScope).orElse(Scope.EMPTY));
    }

}
