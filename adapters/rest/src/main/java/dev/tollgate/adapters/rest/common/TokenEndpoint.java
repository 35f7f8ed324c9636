package dev.tollgate.adapters.rest.common;

import dev.tollgate.adapters.rest.observability.TokenMeters;
import dev.tollgate.application.token.TokenAnswer;
import dev.tollgate.application.token.TokenEndpointRules;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.domain.deprecation.DeprecationHeaders;
import dev.tollgate.application.token.TokenService;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The token endpoint shared by the dialects: read the request, run the use case, render in the dialect's shape. */
@ApplicationScoped
public class TokenEndpoint {

    /** The inputs of a token request as HTTP delivered them. */
    public record HttpTokenRequest(String contentType, byte[] body, String authorization, UriInfo uri) {
    }

    private final TokenService tokens;
    private final RequestSources sources;
    private final TokenMeters meters;

    public TokenEndpoint(TokenService tokens, RequestSources sources, TokenMeters meters) {
        this.tokens = tokens;
        this.sources = sources;
        this.meters = meters;
    }

    /** An OAuth token endpoint: every general-purpose grant, RFC 6749 §5.2 errors. */
    public Response handle(
            Outcome<Tenant> tenant,
            HttpTokenRequest http,
            boolean acceptJson,
            Function<IssuedToken, Object> successBody) {
        return handle(tenant, http, acceptJson, TokenEndpointRules.STANDARD,
                (request, issued) -> successBody.apply(issued), OAuthErrorResponses::render);
    }

    /**
     * A dialect's token endpoint, with its own rules, body (which may depend on the request, e.g. Moltin names the
     * grant type) and error shape.
     */
    public Response handle(
            Outcome<Tenant> tenant,
            HttpTokenRequest http,
            boolean acceptJson,
            TokenEndpointRules rules,
            BiFunction<TokenRequest, IssuedToken, Object> successBody,
            Function<OAuthError, Response> errors) {
        Outcome<TokenRequest> read = tenant.then(t -> TokenRequestReader
                .read(http.contentType(), http.body() == null ? new byte[0] : http.body(), http.authorization(),
                        http.uri().getQueryParameters().keySet(), acceptJson)
                .map(r -> new TokenRequest(t, r.credentials(), r.parameters(), http.uri().getAbsolutePath(), rules,
                        sources.current())));
        // the path names the dialect (realm, oauth or moltin): the resources need not pass it
        TokenMeters.Dialect dialect = TokenMeters.Dialect.ofTokenPath(http.uri().getAbsolutePath().getPath())
                .orElse(TokenMeters.Dialect.OAUTH);
        return switch (read) {
            case Outcome.Failure<TokenRequest> failure -> {
                meters.refused(dialect, failure.error());
                yield errors.apply(failure.error());
            }
            case Outcome.Success<TokenRequest> request ->
                    respond(dialect, request.value(), tokens.answer(request.value()), successBody, errors);
        };
    }

    private Response respond(TokenMeters.Dialect dialect, TokenRequest request, TokenAnswer answer,
            BiFunction<TokenRequest, IssuedToken, Object> successBody, Function<OAuthError, Response> errors) {
        Response response = switch (answer.outcome()) {
            case Outcome.Success<IssuedToken> issued -> {
                // issued, so the grant type is one a handler served and the tenant exists: bounded label values
                meters.issued(dialect, request.tenant().slug().value(), request.parameters().get("grant_type"));
                yield Response.ok(successBody.apply(request, issued.value()))
                        .header("Cache-Control", "no-store")
                        .header("Pragma", "no-cache")
                        .build();
            }
            case Outcome.Failure<IssuedToken> failure -> {
                // a deprecated grant type (a notice) refused as unsupported: its handler exists, so only the
                // deprecation policy (brownout, sunset) answers that
                if (answer.notice().isPresent() && failure.error().code() == OAuthErrorCode.UNSUPPORTED_GRANT_TYPE) {
                    meters.refused(dialect, OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, TokenMeters.Reason.DEPRECATED);
                } else {
                    meters.refused(dialect, failure.error());
                }
                yield errors.apply(failure.error());
            }
        };
        answer.notice().ifPresent(notice -> DeprecationHeaders.of(notice).forEach(response.getHeaders()::add));
        return response;
    }
}
