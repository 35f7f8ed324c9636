package dev.tollgate.domain.deprecation;

import dev.tollgate.domain.tenant.TenantSlug;
import java.util.Arrays;
import java.util.Optional;

/** An entry point kept alive only until its callers have migrated. */
public enum LegacySurface {
    V0_TOKEN("v0_token", "POST /auth/realms/{tenant}/protocol/openid-connect/token (client credentials)"),
    V0_REFRESH("v0_refresh", "POST /auth/realms/{tenant}/protocol/openid-connect/token (client credentials)"),
    PASSWORD_GRANT("password_grant", "the authorization code grant with PKCE"),
    IMPLICIT("implicit", "the client credentials grant from a backend");

    private final String wireName;
    private final String replacement;

    LegacySurface(String wireName, String replacement) {
        this.wireName = wireName;
        this.replacement = replacement;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<LegacySurface> parse(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    /** The legacy surface a token endpoint grant type is, if it is one (the password grant, Moltin's implicit). */
    public static Optional<LegacySurface> ofGrantType(String grantType) {
        return switch (grantType) {
            case "password" -> Optional.of(PASSWORD_GRANT);
            case "implicit" -> Optional.of(IMPLICIT);
            default -> Optional.empty();
        };
    }

    /** What callers should use instead, named in refusals; {@code {tenant}} stands for the caller's tenant. */
    public String replacement() {
        return replacement;
    }

    /** The replacement as the caller of a known tenant must call it: the exact path, not a template. */
    public String replacement(Optional<TenantSlug> tenant) {
        return tenant.map(slug -> replacement.replace("{tenant}", slug.value())).orElse(replacement);
    }
}
