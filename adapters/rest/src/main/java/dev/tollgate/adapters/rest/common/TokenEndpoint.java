package dev.tollgate.adapters.rest.common;

import dev.tollgate.application.token.TokenAnswer;
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
import java.util.function.Function;

/** The token endpoint shared by the dialects: read the request, run the use case, render in the dialect's shape. */
@ApplicationScoped
public class TokenEndpoint {

    /** The inputs of a token request as HTTP delivered them. */
    public record HttpTokenRequest(String contentType, byte[] body, String authorization, UriInfo uri) {
    }

    private final TokenService tokens;

    public TokenEndpoint(TokenService tokens) {
        this.tokens = tokens;
    }

    public Response handle(
            Outcome<Tenant> tenant,
            HttpTokenRequest http,
            boolean acceptJson,
            Function<IssuedToken, Object> successBody) {
        TokenAnswer answer = switch (tenant.then(t -> TokenRequestReader
                .read(http.contentType(), http.body() == null ? new byte[0] : http.body(), http.authorization(),
                        http.uri().getQueryParameters().keySet(), acceptJson)
                .map(read -> new TokenRequest(t, read.credentials(), read.parameters(), http.uri().getAbsolutePath())))) {
            case Outcome.Success<TokenRequest> request -> tokens.answer(request.value());
            case Outcome.Failure<TokenRequest> failure ->
                    new TokenAnswer(Outcome.failure(failure.error()), Optional.empty());
        };
        Response response = switch (answer.outcome()) {
            case Outcome.Success<IssuedToken> issued -> Response.ok(successBody.apply(issued.value()))
                    .header("Cache-Control", "no-store")
                    .header("Pragma", "no-cache")
                    .build();
            case Outcome.Failure<IssuedToken> failure -> OAuthErrorResponses.render(failure.error());
        };
        answer.notice().ifPresent(notice -> DeprecationHeaders.of(notice).forEach(response.getHeaders()::add));
        return response;
    }
}
