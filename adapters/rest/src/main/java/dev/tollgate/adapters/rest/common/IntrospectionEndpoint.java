package dev.tollgate.adapters.rest.common;

import dev.tollgate.application.token.Introspection;
import dev.tollgate.application.token.TokenIntrospection;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The introspection endpoint (RFC 7662) shared by the OAuth and realm dialects; they differ only in the tenant. */
@ApplicationScoped
public class IntrospectionEndpoint {

    private final TokenIntrospection introspection;
    private final RequestSources sources;

    public IntrospectionEndpoint(TokenIntrospection introspection, RequestSources sources) {
        this.introspection = introspection;
        this.sources = sources;
    }

    public Response handle(Outcome<Tenant> tenant, TokenEndpoint.HttpTokenRequest http) {
        Outcome<Introspection> outcome = tenant.then(t -> PresentedTokenRequests.read(http)
                .then(read -> introspection.introspect(t, read.credentials(), read.parameters(), sources.current())));
        return switch (outcome) {
            // an answer about a token is as sensitive as the token: no cache keeps it
            case Outcome.Success<Introspection> answer -> Response.ok(IntrospectionResponse.of(answer.value()))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache")
                    .build();
            case Outcome.Failure<Introspection> failure -> OAuthErrorResponses.render(failure.error());
        };
    }
}
