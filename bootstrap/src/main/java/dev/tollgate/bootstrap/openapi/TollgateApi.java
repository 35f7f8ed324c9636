package dev.tollgate.bootstrap.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI document's header: served at /q/openapi (YAML; ?format=json) and in Swagger UI at /q/swagger-ui. The
 * tags, error shapes and the seeds' examples are in META-INF/openapi.yaml; DialectDocument groups the operations.
 */
@OpenAPIDefinition(info = @Info(title = "Tollgate", version = "0.1.0",
        description = "OAuth 2.0 token service. One core, four wire dialects, each in its own group: the Keycloak-shaped "
                + "realm paths, standard OAuth 2.0 (Storefront), Moltin, and the deprecated Token API v0; plus the "
                + "discovery documents and keys, and the admin API. Every dialect answers errors in its own shape, "
                + "including 429 (abuse limits) and 503 (database outage), both with Retry-After."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token of the admin tenant, or of a tenant for its own resources, with the scope the "
                + "operation needs (tenants:manage, clients:manage, users:manage, keys:manage)")
public class TollgateApi extends Application {
}
