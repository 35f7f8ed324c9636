package dev.tollgate.adapters.rest.realm;

import dev.tollgate.adapters.rest.common.IntrospectionEndpoint;
import dev.tollgate.adapters.rest.common.RevocationEndpoint;
import dev.tollgate.adapters.rest.common.TokenEndpoint;
import dev.tollgate.application.tenant.TenantDirectory;
import jakarta.ws.rs.Consumes;
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
 * Introspection (RFC 7662) and revocation (RFC 7009) at Keycloak's realm paths, next to {@link RealmResource}'s
 * token endpoint: same tenant from the path, same request rules, RFC 6749 §5.2 errors.
 */
@Path("/auth/realms/{tenant}/protocol/openid-connect")
public class RealmIntrospectionRevocationResource {

    private final IntrospectionEndpoint introspection;
    private final RevocationEndpoint revocation;
    private final TenantDirectory tenants;

    public RealmIntrospectionRevocationResource(IntrospectionEndpoint introspection, RevocationEndpoint revocation,
            TenantDirectory tenants) {
        this.introspection = introspection;
        this.revocation = revocation;
        this.tenants = tenants;
    }

    @POST
    @Path("/token/introspect")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(
            @PathParam("tenant") String tenant,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Authorization") String authorization,
            @Context UriInfo uri,
            byte[] body) {
        return introspection.handle(tenants.bySlug(tenant),
                new TokenEndpoint.HttpTokenRequest(contentType, body, authorization, uri));
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(
            @PathParam("tenant") String tenant,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Authorization") String authorization,
            @Context UriInfo uri,
            byte[] body) {
        return revocation.handle(tenants.bySlug(tenant),
                new TokenEndpoint.HttpTokenRequest(contentType, body, authorization, uri));
    }
}
