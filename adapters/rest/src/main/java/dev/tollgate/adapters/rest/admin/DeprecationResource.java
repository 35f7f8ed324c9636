package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.application.deprecation.DeprecationAdministration;
import dev.tollgate.application.deprecation.PolicySpec;
import dev.tollgate.application.deprecation.TenantDeprecations;
import dev.tollgate.application.deprecation.UsageReportLine;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A tenant's deprecation policies (brownouts, sunset) and its migration report; scope {@code deprecations:manage}. */
@Path("/admin/tenants/{tenant}/deprecations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DeprecationResource {

    /** A brownout window, as read and as written. */
    public record WindowJson(@JsonProperty("start") String start, @JsonProperty("end") String end) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SurfaceView(
            @JsonProperty("surface") String surface,
            @JsonProperty("replacement") String replacement,
            @JsonProperty("deprecated_at") String deprecatedAt,
            @JsonProperty("sunset_at") String sunsetAt,
            @JsonProperty("link") String link,
            @JsonProperty("brownouts") List<WindowJson> brownouts,
            @JsonProperty("source") String source,
            @JsonProperty("status") String status) {
    }

    public record DeprecationsView(
            @JsonProperty("tenant") String tenant, @JsonProperty("surfaces") List<SurfaceView> surfaces) {
    }

    public record SurfaceRequest(
            @JsonProperty("surface") String surface,
            @JsonProperty("deprecated_at") String deprecatedAt,
            @JsonProperty("sunset_at") String sunsetAt,
            @JsonProperty("link") String link,
            @JsonProperty("brownouts") List<WindowJson> brownouts) {

        PolicySpec spec() {
            return new PolicySpec(Optional.ofNullable(surface), Optional.ofNullable(deprecatedAt),
                    Optional.ofNullable(sunsetAt), Optional.ofNullable(link),
                    Optional.ofNullable(brownouts).map(list -> list.stream()
                            .map(w -> w == null
                                    ? new PolicySpec.Window(Optional.empty(), Optional.empty())
                                    : new PolicySpec.Window(Optional.ofNullable(w.start()), Optional.ofNullable(w.end())))
                            .toList()));
        }
    }

    public record DeprecationsRequest(@JsonProperty("surfaces") List<SurfaceRequest> surfaces) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UsageView(
            @JsonProperty("surface") String surface,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("user_id") String userId,
            @JsonProperty("email") String email,
            @JsonProperty("username") String username,
            @JsonProperty("calls") long calls,
            @JsonProperty("refusals") long refusals,
            @JsonProperty("first_seen") String firstSeen,
            @JsonProperty("last_seen") String lastSeen) {
    }

    private final AdminAuthenticator authenticator;
    private final DeprecationAdministration deprecations;

    public DeprecationResource(AdminAuthenticator authenticator, DeprecationAdministration deprecations) {
        this.authenticator = authenticator;
        this.deprecations = deprecations;
    }

    @GET
    @Operation(summary = "The tenant's policy per legacy surface, where it comes from and what it decides now")
    @APIResponse(responseCode = "200", description = "The tenant's policies",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeprecationsView.class)))
    public Response get(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> deprecations.get(caller, tenant)), 200, DeprecationResource::view);
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replace the tenant's own policies; surfaces not listed follow the service-wide policy")
    @APIResponse(responseCode = "200", description = "The tenant's policies, replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeprecationsView.class)))
    public Response replace(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeprecationsRequest.class))) byte[] body) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> AdminJson.read(body, DeprecationsRequest.class)
                        .then(request -> request.surfaces() == null
                                ? AdminResult.<List<PolicySpec>>invalid("surfaces", "required")
                                : request.surfaces().contains(null)
                                        ? AdminResult.<List<PolicySpec>>invalid("surfaces", "objects only")
                                        : AdminResult.done(request.surfaces().stream().map(SurfaceRequest::spec).toList()))
                        .then(specs -> deprecations.replace(caller, tenant, specs))), 200, DeprecationResource::view);
    }

    @GET
    @Path("/usage")
    @Operation(summary = "Migration report: who still calls the legacy surfaces, most recently seen first")
    public Response usage(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @QueryParam("offset") @DefaultValue("0") String offset, @QueryParam("limit") @DefaultValue("50") String limit) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> AdminJson.number("offset", offset).then(o -> AdminJson.number("limit", limit)
                        .then(l -> deprecations.usage(caller, tenant, o, l)))),
                200, page -> PageView.of(page, DeprecationResource::usage));
    }

    private static DeprecationsView view(TenantDeprecations deprecations) {
        return new DeprecationsView(deprecations.tenant().slug().value(), deprecations.surfaces().stream()
                .map(surface -> {
                    DeprecationPolicy policy = surface.policy();
                    return new SurfaceView(policy.surface().wireName(),
                            policy.surface().replacement(Optional.of(deprecations.tenant().slug())),
                            policy.deprecatedAt().toString(), policy.sunsetAt().map(Object::toString).orElse(null),
                            policy.guide().toString(),
                            policy.brownouts().stream()
                                    .map(w -> new WindowJson(w.start().toString(), w.end().toString())).toList(),
                            surface.overridden() ? "tenant" : "default", status(surface.now()));
                })
                .toList());
    }

    private static String status(DeprecationDecision decision) {
        return switch (decision) {
            case DeprecationDecision.Allow allow -> "active";
            case DeprecationDecision.AllowWithWarning warning -> "deprecated";
            case DeprecationDecision.Refuse refuse -> switch (refuse.reason()) {
                case BROWNOUT -> "browned_out";
                case SUNSET -> "retired";
            };
        };
    }

    private static UsageView usage(UsageReportLine line) {
        return new UsageView(line.surface().wireName(), line.clientId(),
                line.userId().map(Object::toString).orElse(null), line.email().orElse(null),
                line.username().orElse(null), line.calls(), line.refusals(), line.firstSeen().toString(),
                line.lastSeen().toString());
    }
}
