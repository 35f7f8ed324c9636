package dev.tollgate.adapters.rest.moltin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.adapters.rest.common.TokenEndpoint;
import dev.tollgate.application.moltin.MoltinSettings;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.application.token.TokenEndpointRules;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.domain.grant.GrantType;
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
import java.util.Set;

/**
 * The Moltin dialect's token endpoint (seed 004): {@code client_credentials} with the client's secret, or
 * {@code implicit} with the client_id alone, from a form; the tenant comes from the Host. Nothing else is served
 * here, and errors are JSON:API error objects.
 */
@Path("/oauth/access_token")
public class MoltinTokenResource {

    /** Seed 004's response: exactly these five fields, in this order. */
    @JsonPropertyOrder({"expires", "identifier", "expires_in", "access_token", "token_type"})
    public record MoltinTokenResponse(
            @JsonProperty("expires") long expires,
            @JsonProperty("identifier") String identifier,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType) {

        static MoltinTokenResponse of(TokenRequest request, IssuedToken token) {
            return new MoltinTokenResponse(token.expiresAt().getEpochSecond(),
                    // the request succeeded, so it named one of the grant types served here
                    request.parameters().get("grant_type"),
                    token.expiresIn().toSeconds(), token.accessToken(), IssuedToken.BEARER);
        }
    }

    private final TokenEndpoint tokenEndpoint;
    private final TenantDirectory tenants;
    private final TokenEndpointRules rules;

    public MoltinTokenResource(TokenEndpoint tokenEndpoint, TenantDirectory tenants, MoltinSettings settings) {
        this.tokenEndpoint = tokenEndpoint;
        this.tenants = tenants;
        this.rules = TokenEndpointRules.only(Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.IMPLICIT),
                settings.accessTokenLifetime());
    }

    @POST
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
                false,
                rules,
                MoltinTokenResponse::of,
                JsonApiErrors::render);
    }
}
