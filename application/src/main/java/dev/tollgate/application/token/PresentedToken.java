package dev.tollgate.application.token;

import dev.tollgate.domain.token.RefreshToken;
import java.util.Objects;

/**
 * What a token presented for introspection or revocation turned out to be, in its tenant, whatever its state: the
 * use cases decide what an expired or revoked one amounts to.
 */
public sealed interface PresentedToken {

    /** A JWT signed with one of the tenant's published keys, naming the tenant's issuer. */
    record AccessToken(VerifiedAccessToken token) implements PresentedToken {
        public AccessToken {
            Objects.requireNonNull(token, "token");
        }
    }

    /** One of the tenant's stored refresh tokens. */
    record Refresh(RefreshToken token) implements PresentedToken {
        public Refresh {
            Objects.requireNonNull(token, "token");
        }
    }

    /** Unknown, malformed, another tenant's, or signed by a key that is not the tenant's. */
    record Unrecognized() implements PresentedToken {
    }
}
