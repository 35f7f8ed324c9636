package dev.tollgate.adapters.rest.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.adapters.rest.common.TokenEndpoint;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The OAuth 2.0 / Storefront dialect's token endpoint (seed 003). The tenant comes from the Host; the body may be
 * a form or, as seed 003 allows, JSON.
 */
@Path("/oauth")
public class OAuthTokenResource {

    /** RFC 6749 §5.1 as seed 003 shows it, {@code token_type} in lower case. */
    @JsonPropertyOrder({"access_token", "token_type", "id_token", "expires_in", "refresh_token", "scope"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OAuthTokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("id_token") String idToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("scope") String scope) {

        static OAuthTokenResponse of(IssuedToken token) {
            return new OAuthTokenResponse(token.accessToken(), "bearer", token.idToken().orElse(null),
                    token.expiresIn().toSeconds(),
                    token.refreshToken().orElse(null), token.scope().isEmpty() ? null : token.scope().value());
        }
    }

    private final TokenEndpoint tokenEndpoint;
    private final TenantDirectory tenants;

    public OAuthTokenResource(TokenEndpoint tokenEndpoint, TenantDirectory tenants) {
        this.tokenEndpoint = tokenEndpoint;
        this.tenants = tenants;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @HeaderParam("Host") String host,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Authorization") String authorization,
            @Context UriInfo uri,
            byte[] body) {
        return tokenEndpoint.handle(tenants.byHost(host),
                new TokenEndpoint.HttpTokenRequest(contentType, body, authorization, uri),
                true,
                OAuthTokenResponse::of);
    }
}
