package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.tollgate.application.admin.ClientAdministration;
import dev.tollgate.application.admin.ClientSpec;
import dev.tollgate.application.admin.Page;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientJwks;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.grant.GrantType;
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
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Seed 002's "API clients" as JSON: the secret appears in the 201 of a creation or rotation, and nowhere else. */
@Path("/admin/tenants/{tenant}/clients")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ClientResource {

    /** A client as the admin API shows it: never with a secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientView(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("kind") String kind,
            @JsonProperty("owner") String owner,
            @JsonProperty("grant_types") List<String> grantTypes,
            @JsonProperty("scopes") List<String> scopes,
            @JsonProperty("legacy_apis") boolean legacyApis,
            @JsonProperty("access_token_ttl") Integer accessTokenTtl,
            @JsonProperty("refresh_token_ttl") Integer refreshTokenTtl,
            @JsonProperty("redirect_uris") List<String> redirectUris,
            @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
            @JsonProperty("enabled") boolean enabled,
            @JsonProperty("jwks") @JsonRawValue String jwks) {

        static ClientView of(Client c) {
            return new ClientView(c.clientId(), c.name(), c.description(), c.kind().wireName(),
                    c.kind() instanceof ClientKind.UserScoped u ? u.ownerUserId() : null,
                    c.grantTypes().stream().map(GrantType::value).sorted().toList(),
                    List.copyOf(c.scopes().allowed().tokens()), c.scopes() instanceof ClientScopes.LegacyApis,
                    c.lifetimes().map(l -> (int) l.accessToken().toSeconds()).orElse(null),
                    c.lifetimes().map(l -> (int) l.refreshToken().toSeconds()).orElse(null),
                    c.redirectUris().stream().map(URI::toString).toList(), c.authMethod().wireName(), c.enabled(),
                    c.jwks().map(ClientJwks::json).orElse(null));
        }
    }

    /** The one response that carries the secret: creation and rotation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientWithSecretView(
            @JsonUnwrapped ClientView client,
            @JsonProperty("client_secret") String clientSecret) {
    }

    /** The request body of POST and PATCH; absent fields keep their value (PATCH) or default (POST). */
    public record ClientRequest(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("kind") String kind,
            @JsonProperty("owner") String owner,
            @JsonProperty("grant_types") List<String> grantTypes,
            @JsonProperty("scopes") List<String> scopes,
            @JsonProperty("legacy_apis") Boolean legacyApis,
            @JsonProperty("access_token_ttl") Integer accessTokenTtl,
            @JsonProperty("refresh_token_ttl") Integer refreshTokenTtl,
            @JsonProperty("redirect_uris") List<String> redirectUris,
            @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
            @JsonProperty("enabled") Boolean enabled,
            @Schema(ref = "Jwks", description = "The client's JSON Web Key Set, for private_key_jwt")
            @JsonProperty("jwks") JsonNode jwks) {

        ClientSpec spec() {
            return new ClientSpec(Optional.ofNullable(clientId), Optional.ofNullable(name),
                    Optional.ofNullable(description), Optional.ofNullable(kind), Optional.ofNullable(owner),
                    Optional.ofNullable(grantTypes), Optional.ofNullable(scopes), Optional.ofNullable(legacyApis),
                    Optional.ofNullable(accessTokenTtl), Optional.ofNullable(refreshTokenTtl),
                    Optional.ofNullable(redirectUris), Optional.ofNullable(tokenEndpointAuthMethod),
                    Optional.ofNullable(enabled), Optional.ofNullable(jwks).map(ClientRequest::jwksText));
        }

        /** An explicit {@code "jwks": null} removes the keys, as a set without keys does; absent keeps them. */
        private static String jwksText(JsonNode jwks) {
            return jwks.isNull() ? "{\"keys\":[]}" : jwks.toString();
        }
    }

    public record RotationRequest(@JsonProperty("grace_seconds") Long graceSeconds) {
    }

    private final AdminAuthenticator authenticator;
    private final ClientAdministration clients;

    public ClientResource(AdminAuthenticator authenticator, ClientAdministration clients) {
        this.authenticator = authenticator;
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "The client created, with its secret (shown this once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientWithSecretView.class)))
    public Response create(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientRequest.class))) byte[] body) {
        AdminResult<ClientAdministration.WithSecret> result = authenticator.authenticate(authorization)
                .then(caller -> AdminJson.read(body, ClientRequest.class)
                        .then(request -> clients.create(caller, tenant, request.spec())));
        return AdminResponses.render(result, 201, ClientResource::withSecret);
    }

    @GET
    public Response list(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @QueryParam("offset") @DefaultValue("0") String offset, @QueryParam("limit") @DefaultValue("50") String limit) {
        AdminResult<Page<Client>> result = authenticator.authenticate(authorization)
                .then(caller -> AdminJson.number("offset", offset).then(o -> AdminJson.number("limit", limit)
                        .then(l -> clients.list(caller, tenant, o, l))));
        return AdminResponses.render(result, 200, page -> PageView.of(page, ClientView::of));
    }

    @GET
    @Path("/{clientId}")
    @APIResponse(responseCode = "200", description = "The client",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientView.class)))
    public Response get(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> clients.get(caller, tenant, clientId)), 200, ClientView::of);
    }

    @PATCH
    @Path("/{clientId}")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The client changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientView.class)))
    public Response change(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientRequest.class))) byte[] body) {
        return AdminResponses.render(authenticator.authenticate(authorization)
                .then(caller -> AdminJson.read(body, ClientRequest.class)
                        .then(request -> clients.change(caller, tenant, clientId, request.spec()))),
                200, ClientView::of);
    }

    @DELETE
    @Path("/{clientId}")
    public Response delete(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId) {
        return AdminResponses.noContent(authenticator.authenticate(authorization)
                .then(caller -> clients.delete(caller, tenant, clientId)));
    }

    @POST
    @Path("/{clientId}/secret")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "The client with its new secret (shown this once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientWithSecretView.class)))
    public Response rotate(@HeaderParam("Authorization") String authorization, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId, @RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotationRequest.class)))
            byte[] body) {
        AdminResult<ClientAdministration.WithSecret> result = authenticator.authenticate(authorization)
                .then(caller -> (body == null || body.length == 0
                        ? AdminResult.done(new RotationRequest(null))
                        : AdminJson.read(body, RotationRequest.class))
                        .then(request -> clients.rotateSecret(caller, tenant, clientId,
                                request.graceSeconds() == null ? 0 : request.graceSeconds())));
        return AdminResponses.render(result, 201, ClientResource::withSecret);
    }

    private static ClientWithSecretView withSecret(ClientAdministration.WithSecret created) {
        return new ClientWithSecretView(ClientView.of(created.client()), created.secret().orElse(null));
    }
}
