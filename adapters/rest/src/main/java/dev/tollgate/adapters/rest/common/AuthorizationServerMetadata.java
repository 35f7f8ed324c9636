package dev.tollgate.adapters.rest.common;

import dev.tollgate.application.grant.GrantHandlers;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8414 metadata of a tenant. It advertises only what is implemented: the grant types whose handlers exist,
 * the client authentication methods the token endpoint accepts, the tenant's signing algorithm.
 */
@ApplicationScoped
public class AuthorizationServerMetadata {

    private final GrantHandlers grants;
    private final ServiceSettings settings;

    public AuthorizationServerMetadata(GrantHandlers grants, ServiceSettings settings) {
        this.grants = grants;
        this.settings = settings;
    }

    /** The document of a tenant's realm endpoints, served at the realm path and at the RFC 8414 §3 location. */
    public Map<String, Object> realmDocument(Tenant tenant) {
        String realm = tenant.realmUrl(settings.publicUrl()).toString();
        return document(tenant, realm + "/protocol/openid-connect/token", realm + "/protocol/openid-connect/certs");
    }

    /** The document for endpoints at the given URLs; the issuer is always the tenant's one issuer. */
    public Map<String, Object> document(Tenant tenant, String tokenEndpoint, String jwksUri) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", tenant.issuer(settings.publicUrl()).toString());
        document.put("token_endpoint", tokenEndpoint);
        document.put("jwks_uri", jwksUri);
        document.put("grant_types_supported", grants.supported().stream().map(GrantType::value).sorted().toList());
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("access_token_signing_alg_values_supported", List.of(tenant.signingAlgorithm().name()));
        return document;
    }
}
