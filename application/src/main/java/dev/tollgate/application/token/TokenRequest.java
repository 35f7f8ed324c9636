package dev.tollgate.application.token;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.domain.tenant.Tenant;
import java.util.Map;
import java.util.Objects;

/**
 * A token request as a dialect has read it: the tenant, the client credentials, and the body parameters (each at
 * most once; parameters sent without a value already dropped, RFC 6749 §3.1).
 */
public record TokenRequest(Tenant tenant, ClientCredentials credentials, Map<String, String> parameters) {

    public TokenRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(credentials, "credentials");
        parameters = Map.copyOf(parameters);
    }
}
