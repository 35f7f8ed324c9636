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
        return document(tenant, realm + "/protocol/openid-connect", "/auth", "/token", "/certs", "/token/introspect",
                "/revoke");
    }

    /** The document of the unprefixed Storefront paths on {@code base}, the URL the tenant's host is reached at. */
    public Map<String, Object> hostDocument(Tenant tenant, String base) {
        return document(tenant, base, "/oauth/authorize", "/oauth/token", "/.well-known/jwks.json", "/oauth/introspect",
                "/oauth/revoke");
    }

    /** The document for endpoints under {@code base}; the issuer is always the tenant's one issuer. */
    private Map<String, Object> document(Tenant tenant, String base, String authorization, String token, String jwks,
            String introspection, String revocation) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", tenant.issuer(settings.publicUrl()).toString());
        document.put("authorization_endpoint", base + authorization);
        document.put("token_endpoint", base + token);
        document.put("jwks_uri", base + jwks);
        document.put("response_types_supported", List.of("code"));
        document.put("response_modes_supported", List.of("query"));
        document.put("grant_types_supported", grants.generalPurpose().stream().map(GrantType::value).sorted().toList());
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        document.put("access_token_signing_alg_values_supported", List.of(tenant.signingAlgorithm().name()));
        document.put("introspection_endpoint", base + introspection);
        document.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("revocation_endpoint", base + revocation);
        document.put("revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        // RFC 9207: the authorization response names its issuer, against mix-up attacks
        document.put("authorization_response_iss_parameter_supported", true);
        return document;
    }
}
