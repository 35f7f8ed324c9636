package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.application.admin.Page;
import dev.tollgate.application.admin.TenantAdministration;
import dev.tollgate.application.admin.TenantSpec;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.View;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Optional;

/** Tenants: for callers of the admin tenant with {@code tenants:manage}. */
@Path("/admin/tenants")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class TenantResource {

    public record TenantView(
            @JsonProperty("slug") String slug,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("issuer") String issuer,
            @JsonProperty("domains") List<String> domains,
            @JsonProperty("access_token_ttl") long accessTokenTtl,
            @JsonProperty("refresh_token_ttl") long refreshTokenTtl,
            @JsonProperty("signing_algorithm") String signingAlgorithm,
            @JsonProperty("enabled") boolean enabled,
            @JsonProperty("v0_tenant_claim") String v0TenantClaim,
            @JsonProperty("v0_roles_claim") String v0RolesClaim,
            @JsonProperty("v0_rotate_refresh_tokens") boolean v0RotateRefreshTokens,
            @JsonProperty("default_view") String defaultView,
            @JsonProperty("implicit_scope") String implicitScope) {
    }

    public record TenantRequest(
            @JsonProperty("slug") String slug,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("domains") List<String> domains,
            @JsonProperty("access_token_ttl") Integer accessTokenTtl,
            @JsonProperty("refresh_token_ttl") Integer refreshTokenTtl,
            @JsonProperty("signing_algorithm") String signingAlgorithm,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("v0_tenant_claim") String v0TenantClaim,
            @JsonProperty("v0_roles_claim") String v0RolesClaim,
            @JsonProperty("v0_rotate_refresh_tokens") Boolean v0RotateRefreshTokens,
            @JsonProperty("profile") String profile,
            @JsonProperty("default_view") String defaultView,
            @JsonProperty("implicit_scope") String implicitScope) {

        TenantSpec spec() {
            return new TenantSpec(Optional.ofNullable(slug), Optional.ofNullable(displayName),
                    Optional.ofNullable(domains), Optional.ofNullable(accessTokenTtl),
                    Optional.ofNullable(refreshTokenTtl), Optional.ofNullable(signingAlgorithm),
                    Optional.ofNullable(enabled), Optional.ofNullable(v0TenantClaim),
                    Optional.ofNullable(v0RolesClaim), Optional.ofNullable(v0RotateRefreshTokens),
                    Optional.ofNullable(profile), Optional.ofNullable(defaultView),
                    Optional.ofNullable(implicitScope));
        }
    }

    private final AdminAuthenticator authenticator;
    private final TenantAdministration tenants;
    private final ServiceSettings settings;

    public TenantResource(AdminAuthenticator authenticator, TenantAdministration tenants, ServiceSettings settings) {
        this.authenticator = authenticator;
        this.tenants = tenants;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "The tenant created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TenantView.class)))
    public Response create(@HeaderParam("Authorization") String authorization, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TenantRequest.class))) byte[] body) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> AdminJson.read(body, TenantRequest.class)
                        .then(request -> tenants.create(caller, request.spec()))), 201, this::view);
    }

    @GET
    public Response list(@HeaderParam("Authorization") String authorization,
            @QueryParam("offset") @DefaultValue("0") String offset, @QueryParam("limit") @DefaultValue("50") String limit) {
        AdminResult<Page<Tenant>> result = authenticator.authenticate(authorization)
                .then(caller -> AdminJson.number("offset", offset).then(o -> AdminJson.number("limit", limit)
                        .then(l -> tenants.list(caller, o, l))));
        return AdminResponses.render(result, 200, page -> PageView.of(page, this::view));
    }

    @GET
    @Path("/{tenant}")
    @APIResponse(responseCode = "200", description = "The tenant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TenantView.class)))
    public Response get(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> tenants.get(caller, tenant)), 200, this::view);
    }

    @PATCH
    @Path("/{tenant}")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The tenant changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TenantView.class)))
    public Response change(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TenantRequest.class))) byte[] body) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> AdminJson.read(body, TenantRequest.class)
                        .then(request -> tenants.change(caller, tenant, request.spec()))), 200, this::view);
    }

    @DELETE
    @Path("/{tenant}")
    public Response delete(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant) {
        return AdminResponses.noContent(authenticator.authenticate(authorization)
                .then(caller -> tenants.delete(caller, tenant)));
    }

    private TenantView view(Tenant t) {
        return new TenantView(t.slug().value(), t.displayName(), t.issuer(settings.publicUrl()).toString(), t.domains(),
                t.defaultLifetimes().accessToken().toSeconds(), t.defaultLifetimes().refreshToken().toSeconds(),
                t.signingAlgorithm().name(), t.enabled(), t.legacyTokens().tenantClaim(),
                t.legacyTokens().rolesClaim(), t.legacyTokens().rotateRefreshTokens(),
                t.defaultView().map(View::id).orElse(null), t.implicitScope().value());
    }
}
