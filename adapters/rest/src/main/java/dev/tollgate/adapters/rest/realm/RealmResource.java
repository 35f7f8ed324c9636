package dev.tollgate.adapters.rest.realm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.adapters.rest.authorize.AuthorizationEndpoint;
import dev.tollgate.adapters.rest.common.AuthorizationServerMetadata;
import dev.tollgate.adapters.rest.common.OAuthErrorResponses;
import dev.tollgate.adapters.rest.common.TokenEndpoint;
import dev.tollgate.adapters.rest.common.JwksResponses;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

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
    private final AuthorizationEndpoint authorization;

    public RealmResource(
            TokenEndpoint tokenEndpoint,
            TenantDirectory tenants,
            JwksResponses jwks,
            AuthorizationServerMetadata metadata,
            AuthorizationEndpoint authorization) {
        this.authorization = authorization;
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

    /** The realm's authorization endpoint: the same as {@code /oauth/authorize}, for the tenant in the path. */
    @GET
    @Path("/protocol/openid-connect/auth")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@PathParam("tenant") String tenant, @Context UriInfo uri) {
        return authorization.get(tenants.bySlug(tenant), uri);
    }

    @POST
    @Path("/protocol/openid-connect/auth")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeForm(@PathParam("tenant") String tenant, @HeaderParam("Content-Type") String contentType,
            @CookieParam("tollgate_login_csrf") String csrfCookie, @Context UriInfo uri, byte[] body) {
        return authorization.post(tenants.bySlug(tenant), contentType, body, csrfCookie, uri);
    }

    @POST
    @Path("/protocol/openid-connect/auth")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response authorizeMultipart(@PathParam("tenant") String tenant, @Context UriInfo uri,
            // the fields, not the framework type that carries them (META-INF/openapi.yaml of bootstrap)
            @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(ref = "AuthorizeRequest"))) MultipartFormDataInput input) {
        return authorization.postMultipart(tenants.bySlug(tenant), input, uri);
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
