package dev.tollgate.domain.authorization;

import dev.tollgate.domain.scope.Scope;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An authorization code as stored (only its digest identifies it): single use, short-lived, bound to the client,
 * the redirect URI, the user, the scope and the PKCE challenge of the request that produced it.
 *
 * @param redirectUri   the redirect URI the authorization request named, which the token request must repeat
 * @param redemption    set once the code was exchanged: what was issued from it, so that a replay can revoke it
 */
public record AuthorizationCode(
        UUID id,
        UUID tenantId,
        String clientId,
        UUID userId,
        URI redirectUri,
        Scope scope,
        Optional<CodeChallenge> challenge,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Redemption> redemption) {

    /** RFC 6749 §4.1.2 recommends at most ten minutes; one is plenty for a redirect and a back-channel call. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    /** What a code was exchanged for: the refresh token family and the access token id issued from it. */
    public record Redemption(Instant at, Optional<UUID> refreshFamily, String accessTokenId, Instant accessTokenExpiresAt) {
        public Redemption {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(refreshFamily, "refreshFamily");
            Objects.requireNonNull(accessTokenId, "accessTokenId");
            Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        }
    }

    public AuthorizationCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(redemption, "redemption");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a code must expire after it is issued");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AuthorizationCode[" + id + ", client=" + clientId + ", redeemed=" + redemption.isPresent() + "]";
    }
}
