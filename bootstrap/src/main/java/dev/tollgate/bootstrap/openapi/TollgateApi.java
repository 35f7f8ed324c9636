package dev.tollgate.bootstrap.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's header: served at /q/openapi. */
@OpenAPIDefinition(info = @Info(title = "Tollgate", version = "0.1.0",
        description = "OAuth 2.0 token service: realm, OAuth/Storefront and admin APIs"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token of the admin tenant, or of a tenant for its own resources, with the scope the "
                + "operation needs (tenants:manage, clients:manage, users:manage, keys:manage)")
public class TollgateApi extends Application {
}
