package dev.tollgate.application.token;

import dev.tollgate.application.port.RevokedAccessTokenRepository;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.RevokedAccessToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Revoked access tokens. A JWT cannot be recalled, so a revoked one is listed by its {@code jti} until its own expiry;
 * whoever honours Tollgate's tokens on its behalf (introspection, the admin API) asks here first.
 */
@Singleton
public class AccessTokenDenyList {

    private final RevokedAccessTokenRepository repository;
    private final Clock clock;

    @Inject
    public AccessTokenDenyList(RevokedAccessTokenRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void deny(Tenant tenant, VerifiedAccessToken token) {
        deny(tenant, token.tokenId(), token.clientId(), token.expiresAt());
    }

    /** A token known by what was recorded when it was issued (e.g. from an authorization code), not presented. */
    public void deny(Tenant tenant, String tokenId, String clientId, Instant expiresAt) {
        repository.add(new RevokedAccessToken(tenant.id(), tokenId, clientId, expiresAt, clock.instant()));
    }

    public boolean denies(Tenant tenant, String tokenId) {
        return repository.contains(tenant.id(), tokenId);
    }

    /** Forgets the tokens that have expired since they were listed; returns how many. */
    public int purgeExpired() {
        return repository.purgeExpired(clock.instant());
    }
}
