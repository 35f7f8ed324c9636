package dev.tollgate.application.tenant;

import dev.tollgate.domain.tenant.TenantSlug;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Deployment-wide settings the use cases need.
 *
 * @param publicUrl     the externally visible base URL; issuers and endpoint URLs are built from it
 * @param defaultTenant the tenant of unprefixed paths when the Host matches no tenant domain
 */
public record ServiceSettings(URI publicUrl, Optional<TenantSlug> defaultTenant) {

    public ServiceSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(defaultTenant, "defaultTenant");
    }
}
