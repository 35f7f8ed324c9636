package dev.tollgate.application.grant;

import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.application.token.TokenRequest;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A token request after the client has been authenticated: the tenant, the client and the request parameters
 * (each present at most once, empty values already dropped), and the token endpoint URL it was sent to.
 */
public record GrantRequest(Tenant tenant, Client client, Map<String, String> parameters, URI endpoint) {

    public GrantRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public GrantRequest(Tenant tenant, Client client, Map<String, String> parameters) {
        this(tenant, client, parameters, TokenRequest.UNKNOWN_ENDPOINT);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
