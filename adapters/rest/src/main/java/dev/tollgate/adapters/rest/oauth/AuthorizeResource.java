package dev.tollgate.adapters.rest.oauth;

import dev.tollgate.adapters.rest.authorize.AuthorizationEndpoint;
import dev.tollgate.application.tenant.TenantDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/** The Storefront dialect's authorization endpoint (seed 003 §1); the tenant comes from the Host. */
@Path("/oauth/authorize")
public class AuthorizeResource {

    private final AuthorizationEndpoint endpoint;
    private final TenantDirectory tenants;

    public AuthorizeResource(AuthorizationEndpoint endpoint, TenantDirectory tenants) {
        this.endpoint = endpoint;
        this.tenants = tenants;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@HeaderParam("Host") String host, @Context UriInfo uri) {
        return endpoint.get(tenants.byHost(host), uri);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    public Response post(@HeaderParam("Host") String host, @HeaderParam("Content-Type") String contentType,
            @CookieParam("tollgate_login_csrf") String csrfCookie, @Context UriInfo uri, byte[] body) {
        return endpoint.post(tenants.byHost(host), contentType, body, csrfCookie, uri);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response postMultipart(@HeaderParam("Host") String host, @Context UriInfo uri,
            // the fields, not the framework type that carries them (META-INF/openapi.yaml of bootstrap)
            @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                    schema = @Schema(ref = "AuthorizeRequest"))) MultipartFormDataInput input) {
        return endpoint.postMultipart(tenants.byHost(host), input, uri);
    }
}
