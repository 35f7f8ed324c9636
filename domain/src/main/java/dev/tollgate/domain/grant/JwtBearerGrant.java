package dev.tollgate.domain.grant;

import dev.tollgate.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;

/** RFC 7523 §2.1: a signed JWT assertion names the user a client acts for. */
public record JwtBearerGrant(String assertion, Optional<Scope> requestedScope) implements Grant {

    public JwtBearerGrant {
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(requestedScope, "requestedScope");
    }

    @Override
    public GrantType type() {
        return GrantType.JWT_BEARER;
    }

    @Override
    public String toString() {
        return "JwtBearerGrant[scope=" + requestedScope + "]";
    }
}
