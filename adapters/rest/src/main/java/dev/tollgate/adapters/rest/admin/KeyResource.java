package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.application.admin.KeyAdministration;
import dev.tollgate.application.key.StoredSigningKey;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import java.util.List;

/** A tenant's signing keys: public facts only, never key material beyond what the JWKS shows. */
@Path("/admin/tenants/{tenant}/keys")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class KeyResource {

    public record KeyView(
            @JsonProperty("kid") String kid,
            @JsonProperty("algorithm") String algorithm,
            @JsonProperty("status") String status,
            @JsonProperty("created_at") String createdAt) {

        static KeyView of(StoredSigningKey key) {
            return new KeyView(key.keyId(), key.algorithm().name(), key.status().name().toLowerCase(java.util.Locale.ROOT),
                    key.createdAt().toString());
        }
    }

    public record KeyList(@JsonProperty("items") List<KeyView> items) {
    }

    private final AdminAuthenticator authenticator;
    private final KeyAdministration keys;

    public KeyResource(AdminAuthenticator authenticator, KeyAdministration keys) {
        this.authenticator = authenticator;
        this.keys = keys;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The tenant's signing keys",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KeyList.class)))
    public Response list(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant) {
        return AdminResponses.render(authenticator.authenticate(authorization).then(caller -> keys.list(caller, tenant)),
                200, list -> new KeyList(list.stream().map(KeyView::of).toList()));
    }

    @POST
    @Path("/rotate")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "The new active key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = KeyView.class)))
    public Response rotate(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant) {
        return AdminResponses.render(authenticator.authenticate(authorization).then(caller -> keys.rotate(caller, tenant)),
                201, KeyView::of);
    }
}
