package dev.tollgate.adapters.rest.realm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.adapters.rest.common.AuthorizationServerMetadata;
import dev.tollgate.adapters.rest.common.OAuthErrorResponses;
import dev.tollgate.adapters.rest.common.TokenEndpoint;
import dev.tollgate.adapters.rest.common.JwksResponses;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The realm dialect: Keycloak-shaped paths, where NewStore API clients get their tokens (seed 002).
 */
@Path("/auth/realms/{tenant}")
public class RealmResource {

    /** Seed 002's token response, field for field. */
    @JsonPropertyOrder({"access_token", "expires_in", "refresh_expires_in", "refresh_token", "token_type",
            "id_token", "not-before-policy", "scope"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RealmTokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_expires_in") long refreshExpiresIn,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("id_token") String idToken,
            @JsonProperty("not-before-policy") long notBeforePolicy,
            @JsonProperty("scope") String scope) {

        static RealmTokenResponse of(IssuedToken token) {
            return new RealmTokenResponse(token.accessToken(), token.expiresIn().toSeconds(), 0,
                    token.refreshToken().orElse(null), IssuedToken.BEARER, token.idToken().orElse(null), 0,
                    token.scope().value());
        }
    }

    private final TokenEndpoint tokenEndpoint;
    private final TenantDirectory tenants;
    private final JwksResponses jwks;
    private final AuthorizationServerMetadata metadata;

    public RealmResource(
            TokenEndpoint tokenEndpoint,
            TenantDirectory tenants,
            JwksResponses jwks,
            AuthorizationServerMetadata metadata) {
        this.tokenEndpoint = tokenEndpoint;
        this.tenants = tenants;
        this.jwks = jwks;
        this.metadata = metadata;
    }

    @POST
    @Path("/protocol/openid-connect/token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @PathParam("tenant") String tenant,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Authorization") String authorization,
            @Context UriInfo uri,
            byte[] body) {
        return tokenEndpoint.handle(tenants.bySlug(tenant),
                new TokenEndpoint.HttpTokenRequest(contentType, body, authorization, uri),
                false,
                RealmTokenResponse::of);
    }

    @GET
    @Path("/protocol/openid-connect/certs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response certs(@PathParam("tenant") String tenant) {
        return jwks.render(tenants.bySlug(tenant));
    }

    /** The OIDC discovery location, and the issuer-appended RFC 8414 location Keycloak also serves. */
    @GET
    @Path("/.well-known/{document: openid-configuration|oauth-authorization-server}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response configuration(@PathParam("tenant") String tenant) {
        return switch (tenants.bySlug(tenant)) {
            case Outcome.Success<Tenant> found -> Response.ok(metadata.realmDocument(found.value())).build();
            case Outcome.Failure<Tenant> failure -> OAuthErrorResponses.render(failure.error());
        };
    }
}
