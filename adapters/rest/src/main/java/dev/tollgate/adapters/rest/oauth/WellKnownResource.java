package dev.tollgate.adapters.rest.oauth;

import dev.tollgate.adapters.rest.common.AuthorizationServerMetadata;
import dev.tollgate.adapters.rest.common.OAuthErrorResponses;
import dev.tollgate.adapters.rest.common.JwksResponses;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Unprefixed discovery documents: the Host-resolved tenant's JWKS and RFC 8414 metadata, and the RFC 8414 §3
 * path-inserted form for realm issuers ({@code /.well-known/oauth-authorization-server/auth/realms/<slug>}).
 */
@Path("/.well-known")
public class WellKnownResource {

    private final TenantDirectory tenants;
    private final JwksResponses jwks;
    private final AuthorizationServerMetadata metadata;

    public WellKnownResource(
            TenantDirectory tenants,
            JwksResponses jwks,
            AuthorizationServerMetadata metadata) {
        this.tenants = tenants;
        this.jwks = jwks;
        this.metadata = metadata;
    }

    @GET
    @Path("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks(@HeaderParam("Host") String host) {
        return jwks.render(tenants.byHost(host));
    }

    /** Metadata of the tenant this host serves; its endpoints are on this host's unprefixed paths. */
    @GET
    @Path("/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    public Response hostMetadata(@HeaderParam("Host") String host, @Context UriInfo uri) {
        return switch (tenants.byHost(host)) {
            case Outcome.Success<Tenant> found -> {
                String base = stripSlash(uri.getBaseUri().toString());
                yield Response.ok(metadata.hostDocument(found.value(), base)).build();
            }
            case Outcome.Failure<Tenant> failure -> OAuthErrorResponses.render(failure.error());
        };
    }

    /** RFC 8414 §3: the metadata URL of issuer {@code <public url>/auth/realms/<slug>}. */
    @GET
    @Path("/oauth-authorization-server/auth/realms/{tenant}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response realmMetadata(@PathParam("tenant") String slug) {
        return switch (tenants.bySlug(slug)) {
            case Outcome.Success<Tenant> found -> Response.ok(metadata.realmDocument(found.value())).build();
            case Outcome.Failure<Tenant> failure -> OAuthErrorResponses.render(failure.error());
        };
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
