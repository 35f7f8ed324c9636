package dev.tollgate.domain.grant;

import java.util.Objects;
import java.util.Optional;

/** RFC 6749 §4.1.3 with RFC 7636 §4.5: a client exchanges an authorization code for tokens. */
public record AuthorizationCodeGrant(String code, Optional<String> redirectUri, Optional<String> codeVerifier)
        implements Grant {

    public AuthorizationCodeGrant {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
    }

    @Override
    public GrantType type() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public String toString() {
        return "AuthorizationCodeGrant[redirectUri=" + redirectUri.orElse("-") + "]";
    }
}
