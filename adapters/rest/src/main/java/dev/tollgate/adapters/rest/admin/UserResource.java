package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.application.admin.Page;
import dev.tollgate.application.admin.UserAdministration;
import dev.tollgate.application.admin.UserSpec;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.tenant.View;
import dev.tollgate.domain.user.User;
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

/** Users of a tenant. The password is write-only: no response ever carries it or its hash. */
@Path("/admin/tenants/{tenant}/users")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class UserResource {

    public record UserView(
            @JsonProperty("id") String id,
            @JsonProperty("email") String email,
            @JsonProperty("username") String username,
            @JsonProperty("name") String name,
            @JsonProperty("roles") List<String> roles,
            @JsonProperty("enabled") boolean enabled,
            @JsonProperty("view") String view) {

        static UserView of(User u) {
            return new UserView(u.id().toString(), u.email(), u.username(), u.name(), u.roles(), u.enabled(),
                    u.view().map(View::id).orElse(null));
        }
    }

    public record UserRequest(
            @JsonProperty("email") String email,
            @JsonProperty("username") String username,
            @JsonProperty("name") String name,
            @JsonProperty("roles") List<String> roles,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("password") String password,
            @JsonProperty("view") String view) {

        UserSpec spec() {
            return new UserSpec(Optional.ofNullable(email), Optional.ofNullable(username), Optional.ofNullable(name),
                    Optional.ofNullable(roles), Optional.ofNullable(enabled), Optional.ofNullable(password),
                    Optional.ofNullable(view));
        }

        @Override
        public String toString() {
            return "UserRequest[" + email + "]";
        }
    }

    private final AdminAuthenticator authenticator;
    private final UserAdministration users;

    public UserResource(AdminAuthenticator authenticator, UserAdministration users) {
        this.authenticator = authenticator;
        this.users = users;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "The user created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    public Response create(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserRequest.class))) byte[] body) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> AdminJson.read(body, UserRequest.class)
                        .then(request -> users.create(caller, tenant, request.spec()))), 201, UserView::of);
    }

    @GET
    public Response list(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @QueryParam("offset") @DefaultValue("0") String offset, @QueryParam("limit") @DefaultValue("50") String limit) {
        AdminResult<Page<User>> result = authenticator.authenticate(authorization)
                .then(caller -> AdminJson.number("offset", offset).then(o -> AdminJson.number("limit", limit)
                        .then(l -> users.list(caller, tenant, o, l))));
        return AdminResponses.render(result, 200, page -> PageView.of(page, UserView::of));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    public Response get(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @PathParam("id") String id) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> users.get(caller, tenant, id)), 200, UserView::of);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The user changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    public Response change(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @PathParam("id") String id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserRequest.class))) byte[] body) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> AdminJson.read(body, UserRequest.class)
                        .then(request -> users.change(caller, tenant, id, request.spec()))), 200, UserView::of);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @PathParam("id") String id) {
        return AdminResponses.noContent(authenticator.authenticate(authorization)
                .then(caller -> users.delete(caller, tenant, id)));
    }
}
