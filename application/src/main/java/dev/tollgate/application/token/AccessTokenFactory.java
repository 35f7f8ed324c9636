package dev.tollgate.application.token;

import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.TokenSigner;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/** Mints signed access tokens for a tenant with its active key. */
@Singleton
public class AccessTokenFactory {

    private final SigningKeys signingKeys;
    private final TokenSigner signer;
    private final RandomValues random;
    private final ServiceSettings settings;
    private final Clock clock;

    @Inject
    public AccessTokenFactory(
            SigningKeys signingKeys, TokenSigner signer, RandomValues random, ServiceSettings settings, Clock clock) {
        this.signingKeys = signingKeys;
        this.signer = signer;
        this.random = random;
        this.settings = settings;
        this.clock = clock;
    }

    public IssuedToken mint(Tenant tenant, Client client, String subject, Scope scope, Map<String, Object> extra) {
        return mint(tenant, client, subject, scope, extra, random.newTokenId());
    }

    /**
     * A token with a {@code jti} chosen by the caller, who records it before the token exists (an authorization
     * code remembers the access token issued from it, to revoke it when the code is replayed).
     */
    public IssuedToken mint(Tenant tenant, Client client, String subject, Scope scope, Map<String, Object> extra,
            String tokenId) {
        return mint(tenant, client, subject, scope, extra, tokenId,
                client.lifetimesOr(tenant.defaultLifetimes()).accessToken());
    }

    /** A token with a lifetime chosen by the caller: a dialect's own (Moltin's hour, its day-long customer tokens). */
    public IssuedToken mint(Tenant tenant, Client client, String subject, Scope scope, Map<String, Object> extra,
            Duration lifetime) {
        return mint(tenant, client, subject, scope, extra, random.newTokenId(), lifetime);
    }

    /** A token with both its {@code jti} and its lifetime chosen by the caller. */
    public IssuedToken mint(Tenant tenant, Client client, String subject, Scope scope, Map<String, Object> extra,
            String tokenId, Duration lifetime) {
        // whole seconds, so that exp - iat equals the expires_in the caller is told
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(lifetime);
        AccessTokenClaims claims = new AccessTokenClaims(
                tenant.issuer(settings.publicUrl()).toString(),
                subject,
                tenant.audience(settings.publicUrl()),
                issuedAt,
                expiresAt,
                tokenId,
                client.clientId(),
                scope,
                tenant.slug().value(),
                extra);
        String jwt = signer.sign(claims, signingKeys.activeKey(tenant));
        return new IssuedToken(jwt, expiresAt, lifetime, scope, Optional.empty());
    }
}
