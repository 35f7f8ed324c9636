package dev.tollgate.application.token;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.tenant.Tenant;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A token request as a dialect has read it: the tenant, the client credentials, and the body parameters (each at
 * most once; parameters sent without a value already dropped, RFC 6749 §3.1), and the URL of the token endpoint it
 * was sent to (an assertion's {@code aud} may name it, RFC 7523 §3), with the rules of that endpoint's dialect and
 * the address the request came from (for the abuse limits).
 */
public record TokenRequest(Tenant tenant, ClientCredentials credentials, Map<String, String> parameters, URI endpoint,
        TokenEndpointRules rules, SourceAddress source) {

    /** Where no endpoint URL is known, e.g. in tests: the tenant's issuer stands in. */
    public static final URI UNKNOWN_ENDPOINT = URI.create("urn:tollgate:unknown-endpoint");

    public TokenRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(credentials, "credentials");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(source, "source");
    }

    public TokenRequest(Tenant tenant, ClientCredentials credentials, Map<String, String> parameters, URI endpoint,
            TokenEndpointRules rules) {
        this(tenant, credentials, parameters, endpoint, rules, SourceAddress.UNKNOWN);
    }

    /** A request to one of the OAuth token endpoints. */
    public TokenRequest(Tenant tenant, ClientCredentials credentials, Map<String, String> parameters, URI endpoint) {
        this(tenant, credentials, parameters, endpoint, TokenEndpointRules.STANDARD);
    }

    public TokenRequest(Tenant tenant, ClientCredentials credentials, Map<String, String> parameters) {
        this(tenant, credentials, parameters, UNKNOWN_ENDPOINT, TokenEndpointRules.STANDARD);
    }
}
