package dev.tollgate.adapters.rest.common;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;

/**
 * Reads an introspection or revocation request with the token endpoint's rules (a form, each parameter once, one
 * client authentication method, no credential in the query string) and keeps the token itself out of URLs too.
 */
public final class PresentedTokenRequests {

    private PresentedTokenRequests() {
    }

    public static Outcome<TokenRequestReader.ReadRequest> read(TokenEndpoint.HttpTokenRequest http) {
        if (http.uri().getQueryParameters().containsKey("token")) {
            return Outcome.failure(OAuthError.invalidRequest("The token must not be sent in the query string"));
        }
        return TokenRequestReader.read(http.contentType(), http.body() == null ? new byte[0] : http.body(),
                http.authorization(), http.uri().getQueryParameters().keySet(), false);
    }
}
