package dev.tollgate.adapters.rest.common;

import dev.tollgate.application.token.Revocation;
import dev.tollgate.application.token.TokenRevocation;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * The revocation endpoint (RFC 7009) shared by the OAuth and realm dialects. Whatever was or was not revoked, the
 * answer is 200 with an empty body (§2.2); only a bad request, a bad client or another client's token is an error.
 */
@ApplicationScoped
public class RevocationEndpoint {

    private final TokenRevocation revocation;
    private final RequestSources sources;

    public RevocationEndpoint(TokenRevocation revocation, RequestSources sources) {
        this.revocation = revocation;
        this.sources = sources;
    }

    public Response handle(Outcome<Tenant> tenant, TokenEndpoint.HttpTokenRequest http) {
        Outcome<Revocation> outcome = tenant.then(t -> PresentedTokenRequests.read(http)
                .then(read -> revocation.revoke(t, read.credentials(), read.parameters(), sources.current())));
        return switch (outcome) {
            case Outcome.Success<Revocation> done -> Response.ok()
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache")
                    .build();
            case Outcome.Failure<Revocation> failure -> OAuthErrorResponses.render(failure.error());
        };
    }
}
