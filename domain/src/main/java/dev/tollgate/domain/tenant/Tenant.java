package dev.tollgate.domain.tenant;

import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.TokenLifetimes;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant: one customer stage of a commerce platform, with its own issuer, keys and clients.
 *
 * @param domains         host names whose requests on unprefixed paths belong to this tenant
 * @param issuerOverride  an explicit issuer; when absent the issuer is derived from the public URL and the slug
 * @param audienceOverride the default resource indicator for {@code aud}; when absent the issuer is used
 * @param legacyTokens    claim names and refresh behaviour of the legacy Token API v0
 * @param defaultView     the view of users who have none of their own (seed 003 §3)
 * @param implicitScope   the fixed scope of Moltin implicit tokens (seed 004): public tokens shipped to browsers,
 *                        so never a client's full scopes
 */
public record Tenant(
        UUID id,
        TenantSlug slug,
        String displayName,
        List<String> domains,
        Optional<URI> issuerOverride,
        Optional<String> audienceOverride,
        TokenLifetimes defaultLifetimes,
        SigningAlgorithm signingAlgorithm,
        boolean enabled,
        LegacyTokenSettings legacyTokens,
        Optional<View> defaultView,
        Scope implicitScope) {

    /**
     * What a storefront may do with a token anyone can read from its pages: read the catalog, keep carts and check
     * out; nothing on customers or orders (those need a customer token or a backend's client_credentials token).
     */
    public static final Scope DEFAULT_IMPLICIT_SCOPE = Scope.of("catalog:read", "carts:read", "carts:write",
            "checkout:write");

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(displayName, "displayName");
        domains = List.copyOf(domains);
        Objects.requireNonNull(issuerOverride, "issuerOverride");
        Objects.requireNonNull(audienceOverride, "audienceOverride");
        Objects.requireNonNull(defaultLifetimes, "defaultLifetimes");
        Objects.requireNonNull(signingAlgorithm, "signingAlgorithm");
        Objects.requireNonNull(legacyTokens, "legacyTokens");
        Objects.requireNonNull(defaultView, "defaultView");
        Objects.requireNonNull(implicitScope, "implicitScope");
    }

    /** A tenant with the default implicit scope. */
    public Tenant(UUID id, TenantSlug slug, String displayName, List<String> domains, Optional<URI> issuerOverride,
            Optional<String> audienceOverride, TokenLifetimes defaultLifetimes, SigningAlgorithm signingAlgorithm,
            boolean enabled, LegacyTokenSettings legacyTokens, Optional<View> defaultView) {
        this(id, slug, displayName, domains, issuerOverride, audienceOverride, defaultLifetimes, signingAlgorithm,
                enabled, legacyTokens, defaultView, DEFAULT_IMPLICIT_SCOPE);
    }

    /** A tenant without a default view. */
    public Tenant(UUID id, TenantSlug slug, String displayName, List<String> domains, Optional<URI> issuerOverride,
            Optional<String> audienceOverride, TokenLifetimes defaultLifetimes, SigningAlgorithm signingAlgorithm,
            boolean enabled, LegacyTokenSettings legacyTokens) {
        this(id, slug, displayName, domains, issuerOverride, audienceOverride, defaultLifetimes, signingAlgorithm,
                enabled, legacyTokens, Optional.empty());
    }

    /** A tenant with the default legacy token settings. */
    public Tenant(UUID id, TenantSlug slug, String displayName, List<String> domains, Optional<URI> issuerOverride,
            Optional<String> audienceOverride, TokenLifetimes defaultLifetimes, SigningAlgorithm signingAlgorithm,
            boolean enabled) {
        this(id, slug, displayName, domains, issuerOverride, audienceOverride, defaultLifetimes, signingAlgorithm,
                enabled, LegacyTokenSettings.DEFAULT, Optional.empty());
    }

    public Tenant withDefaultView(Optional<View> value) {
        return new Tenant(id, slug, displayName, domains, issuerOverride, audienceOverride, defaultLifetimes,
                signingAlgorithm, enabled, legacyTokens, value, implicitScope);
    }

    public Tenant withImplicitScope(Scope value) {
        return new Tenant(id, slug, displayName, domains, issuerOverride, audienceOverride, defaultLifetimes,
                signingAlgorithm, enabled, legacyTokens, defaultView, value);
    }

    /** The one issuer of this tenant: every token's {@code iss}, every metadata document's {@code issuer}. */
    public URI issuer(URI publicUrl) {
        return issuerOverride.orElseGet(() -> realmUrl(publicUrl));
    }

    /** The Keycloak-shaped base of this tenant's endpoints: {@code <public url>/auth/realms/<slug>}. */
    public URI realmUrl(URI publicUrl) {
        String base = publicUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/auth/realms/" + slug.value());
    }

    public String audience(URI publicUrl) {
        return audienceOverride.orElseGet(() -> issuer(publicUrl).toString());
    }
}
