package dev.tollgate.adapters.rest.legacy;

import dev.tollgate.adapters.rest.common.RequestIds;
import dev.tollgate.adapters.rest.observability.TokenMeters;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.application.legacy.LegacyAnswer;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.application.legacy.LegacyTokenApi;
import dev.tollgate.application.tenant.TenantDirectory;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The deprecated NewStore Token API v0 (seeds 000/001), tenant from the Host (else the default tenant). Kept alive
 * under the deprecation policy: every response carries the Deprecation, Sunset and Link headers; brownouts and the
 * sunset answer 410.
 */
@Path("/v0")
@Produces(MediaType.APPLICATION_JSON)
public class V0TokenResource {

    private static final Logger LOG = Logger.getLogger(V0TokenResource.class);

    private final LegacyTokenApi api;
    private final TenantDirectory tenants;
    private final TokenMeters meters;

    public V0TokenResource(LegacyTokenApi api, TenantDirectory tenants, TokenMeters meters) {
        this.api = api;
        this.tenants = tenants;
        this.meters = meters;
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Get access token", deprecated = true,
            description = "Password grant of the deprecated v0 API. Use API clients with the client credentials grant.")
    public Response token(@HeaderParam("Host") String host, @HeaderParam("Content-Type") String contentType,
            @Context UriInfo uri, @Context RoutingContext rc, byte[] body) {
        Outcome<Tenant> tenant = tenants.byHost(host);
        return logged("token", "password", tenant, rc, () -> api.token(tenant,
                V0Requests.passwordLogin(contentType, body == null ? new byte[0] : body,
                        uri.getQueryParameters().keySet()), source(rc)));
    }

    @POST
    @Path("/refresh_token")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Refresh access token", deprecated = true,
            description = "Refresh of the deprecated v0 API. Use API clients with the client credentials grant.")
    public Response refreshToken(@HeaderParam("Host") String host, @HeaderParam("Content-Type") String contentType,
            @Context UriInfo uri, @Context RoutingContext rc, byte[] body) {
        Outcome<Tenant> tenant = tenants.byHost(host);
        return logged("refresh_token", "refresh_token", tenant, rc, () -> api.refresh(tenant,
                V0Requests.refreshToken(contentType, body == null ? new byte[0] : body,
                        uri.getQueryParameters().keySet()), source(rc)));
    }

    /** Where the call came from, for the rate limits and brute-force locks. */
    private static SourceAddress source(RoutingContext rc) {
        return rc.request().remoteAddress() == null
                ? SourceAddress.UNKNOWN
                : SourceAddress.of(rc.request().remoteAddress().hostAddress());
    }

    private Response logged(String endpoint, String grantType, Outcome<Tenant> tenant, RoutingContext rc,
            Supplier<LegacyAnswer> work) {
        // the request id is in the MDC already (RequestIds, for every request); the body must carry the same one
        String requestId = RequestIds.of(rc);
        LegacyAnswer answer = work.get();
        Response response = V0Responses.render(answer, requestId);
        count(answer, grantType, tenant);
        // one line per call, with the request id the caller sees: enough for support, no credentials
        LOG.infof("v0 %s request_id=%s status=%d%s", endpoint, requestId, response.getStatus(),
                answer instanceof LegacyAnswer.Gone gone ? " refused=" + gone.refusal().reason() : "");
        return response;
    }

    private void count(LegacyAnswer answer, String grantType, Outcome<Tenant> tenant) {
        switch (answer) {
            case LegacyAnswer.Issued issued when tenant instanceof Outcome.Success<Tenant> found ->
                    meters.issued(TokenMeters.Dialect.V0, found.value().slug().value(), grantType);
            case LegacyAnswer.Issued issued -> {
            }
            case LegacyAnswer.Failed failed -> meters.refused(TokenMeters.Dialect.V0, failed.error());
            case LegacyAnswer.Gone gone -> meters.refused(TokenMeters.Dialect.V0,
                    OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, TokenMeters.Reason.DEPRECATED);
        }
    }

}
