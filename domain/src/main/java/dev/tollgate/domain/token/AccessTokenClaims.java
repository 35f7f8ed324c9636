package dev.tollgate.domain.token;

import dev.tollgate.domain.scope.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The claims of an access token (RFC 9068): iss, sub, aud, exp, iat, jti, client_id, scope, plus the tenant and any
 * dialect-specific extra claims.
 */
public record AccessTokenClaims(
        String issuer,
        String subject,
        String audience,
        Instant issuedAt,
        Instant expiresAt,
        String tokenId,
        String clientId,
        Scope scope,
        String tenant,
        Map<String, Object> extra) {

    /** How the session began ({@code password}, {@code authorization_code}, …), as the seed's v0 token says it. */
    public static final String GRANT_TYPE_CLAIM = "gty";

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(tenant, "tenant");
        extra = Map.copyOf(extra);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }
}
