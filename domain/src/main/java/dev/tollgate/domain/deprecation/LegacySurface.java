package dev.tollgate.domain.deprecation;

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

    /** What callers should use instead, named in refusals. */
    public String replacement() {
        return replacement;
    }
}
