package dev.tollgate.adapters.rest.oauth;

import dev.tollgate.adapters.rest.common.IntrospectionEndpoint;
import dev.tollgate.adapters.rest.common.TokenEndpoint;
import dev.tollgate.application.tenant.TenantDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /oauth/introspect} (RFC 7662), for the tenant the Host names, like {@code /oauth/token}. */
@Path("/oauth/introspect")
public class TokenIntrospectionResource {

    private final IntrospectionEndpoint endpoint;
    private final TenantDirectory tenants;

    public TokenIntrospectionResource(IntrospectionEndpoint endpoint, TenantDirectory tenants) {
        this.endpoint = endpoint;
        this.tenants = tenants;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(
            @HeaderParam("Host") String host,
            @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Authorization") String authorization,
            @Context UriInfo uri,
            byte[] body) {
        return endpoint.handle(tenants.byHost(host),
                new TokenEndpoint.HttpTokenRequest(contentType, body, authorization, uri));
    }
}
