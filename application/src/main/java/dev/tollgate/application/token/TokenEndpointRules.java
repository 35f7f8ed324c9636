package dev.tollgate.application.token;

import dev.tollgate.application.grant.GrantHandler;
import dev.tollgate.domain.grant.GrantType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a dialect's token endpoint serves, where it differs from the OAuth endpoints: Moltin's
 * {@code /oauth/access_token} answers only client_credentials and implicit, with one-hour tokens (seed 004).
 *
 * @param grantTypes          the grant types served; when absent, every general-purpose handler's
 * @param accessTokenLifetime the lifetime of access tokens of clients without their own TTL; when absent, the
 *                            tenant's default
 */
public record TokenEndpointRules(Optional<Set<GrantType>> grantTypes, Optional<Duration> accessTokenLifetime) {

    /** The OAuth token endpoints (realm, Storefront): every general-purpose grant, the tenant's lifetimes. */
    public static final TokenEndpointRules STANDARD = new TokenEndpointRules(Optional.empty(), Optional.empty());

    public TokenEndpointRules {
        grantTypes = grantTypes.map(Set::copyOf);
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        accessTokenLifetime.ifPresent(lifetime -> {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("access token lifetime must be positive");
            }
        });
    }

    public static TokenEndpointRules only(Set<GrantType> grantTypes, Duration accessTokenLifetime) {
        return new TokenEndpointRules(Optional.of(grantTypes), Optional.of(accessTokenLifetime));
    }

    /** Whether this endpoint answers {@code handler}'s grant type. */
    public boolean serves(GrantHandler handler) {
        return grantTypes.map(types -> types.contains(handler.grantType())).orElseGet(handler::generalPurpose);
    }
}
