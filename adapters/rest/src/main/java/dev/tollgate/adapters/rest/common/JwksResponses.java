package dev.tollgate.adapters.rest.common;

import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A tenant's JWKS as served on the realm path and the unprefixed path alike. */
@ApplicationScoped
public class JwksResponses {

    private final SigningKeys signingKeys;

    public JwksResponses(SigningKeys signingKeys) {
        this.signingKeys = signingKeys;
    }

    public Response render(Outcome<Tenant> tenant) {
        return switch (tenant) {
            // verifiers refetch on an unknown kid, so a short public cache is safe across key rotation
            case Outcome.Success<Tenant> found -> Response.ok(Map.of("keys", signingKeys.jwks(found.value())))
                    .header("Cache-Control", "public, max-age=300")
                    .build();
            case Outcome.Failure<Tenant> failure -> OAuthErrorResponses.render(failure.error());
        };
    }
}
