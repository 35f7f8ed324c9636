package dev.tollgate.application.token;

import dev.tollgate.domain.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of an access token whose signature verified against a tenant's key. Verified is not valid: it may be
 * expired, revoked, or issued by another issuer sharing nothing but the key material (never, but checked anyway).
 *
 * @param audience    {@code aud}, a single string in Tollgate's tokens, a list in general (RFC 7519 §4.1.3)
 * @param otherClaims every claim not named by another component, as JSON values (e.g. seed 003's {@code view})
 */
public record VerifiedAccessToken(
        String issuer,
        String subject,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt,
        String tokenId,
        String clientId,
        Scope scope,
        Map<String, Object> otherClaims) {

    public VerifiedAccessToken {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        otherClaims = Map.copyOf(otherClaims);
    }

    /** Seed 003's {@code view}, where the token carries one (an empty string is a value: the tenant's default view). */
    public Optional<Object> view() {
        return Optional.ofNullable(otherClaims.get("view"));
    }

    /**
     * How far ahead of this replica's clock another replica's may be: a token issued "in the future" by less is
     * accepted, by more it was not made by Tollgate's own clock (only a holder of the key could have made it).
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Not expired, not issued in the future, and not before its {@code nbf} (RFC 7519 §4.1.5), at {@code now}. */
    public boolean isValidAt(Instant now) {
        Instant latest = now.plus(CLOCK_SKEW);
        return !isExpiredAt(now) && !issuedAt.isAfter(latest) && notBefore().map(nbf -> !nbf.isAfter(latest))
                .orElse(true);
    }

    /** {@code nbf}, where the token has one (Tollgate's own never do; a number that is not one is "never"). */
    public Optional<Instant> notBefore() {
        Object nbf = otherClaims.get("nbf");
        if (nbf == null) {
            return Optional.empty();
        }
        return Optional.of(nbf instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : Instant.MAX);
    }
}
