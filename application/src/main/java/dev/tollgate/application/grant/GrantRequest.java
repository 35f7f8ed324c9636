package dev.tollgate.application.grant;

import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.application.token.TokenEndpointRules;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.domain.token.TokenLifetimes;
import java.time.Duration;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A token request after the client has been authenticated: the tenant, the client and the request parameters
 * (each present at most once, empty values already dropped), the token endpoint URL it was sent to and that
 * endpoint's rules, and the address the request came from.
 */
public record GrantRequest(Tenant tenant, Client client, Map<String, String> parameters, URI endpoint,
        TokenEndpointRules rules, SourceAddress source) {

    public GrantRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(source, "source");
    }

    public GrantRequest(Tenant tenant, Client client, Map<String, String> parameters, URI endpoint,
            TokenEndpointRules rules) {
        this(tenant, client, parameters, endpoint, rules, SourceAddress.UNKNOWN);
    }

    public GrantRequest(Tenant tenant, Client client, Map<String, String> parameters, URI endpoint) {
        this(tenant, client, parameters, endpoint, TokenEndpointRules.STANDARD);
    }

    public GrantRequest(Tenant tenant, Client client, Map<String, String> parameters) {
        this(tenant, client, parameters, TokenRequest.UNKNOWN_ENDPOINT, TokenEndpointRules.STANDARD);
    }

    /** How long this request's access token lives: the client's own TTL, else the endpoint's, else the tenant's. */
    public Duration accessTokenLifetime() {
        return client.lifetimes().map(TokenLifetimes::accessToken)
                .or(rules::accessTokenLifetime)
                .orElseGet(() -> tenant.defaultLifetimes().accessToken());
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
