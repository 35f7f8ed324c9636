package dev.tollgate.application.token;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.domain.tenant.Tenant;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A token request as a dialect has read it: the tenant, the client credentials, and the body parameters (each at
 * most once; parameters sent without a value already dropped, RFC 6749 §3.1), and the URL of the token endpoint it
 * was sent to (an assertion's {@code aud} may name it, RFC 7523 §3).
 */
public record TokenRequest(Tenant tenant, ClientCredentials credentials, Map<String, String> parameters, URI endpoint) {

    /** Where no endpoint URL is known, e.g. in tests: the tenant's issuer stands in. */
    public static final URI UNKNOWN_ENDPOINT = URI.create("urn:tollgate:unknown-endpoint");

    public TokenRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(credentials, "credentials");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public TokenRequest(Tenant tenant, ClientCredentials credentials, Map<String, String> parameters) {
        this(tenant, credentials, parameters, UNKNOWN_ENDPOINT);
    }
}
