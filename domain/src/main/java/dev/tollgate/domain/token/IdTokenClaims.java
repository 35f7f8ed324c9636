package dev.tollgate.domain.token;

import dev.tollgate.domain.tenant.View;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of an OpenID Connect ID token (OIDC Core §2): who the user is, for the client it is issued to. It
 * expires with the access token it comes with.
 *
 * @param audience the client_id of the client the token is for
 * @param name     the user's display name; absent when the user has none
 * @param view     the storefront view the access token carries, when there is one
 */
public record IdTokenClaims(
        String issuer,
        String subject,
        String audience,
        Instant issuedAt,
        Instant expiresAt,
        String email,
        Optional<String> name,
        Optional<View> view) {

    public IdTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(view, "view");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("an ID token must expire after it is issued");
        }
    }
}
