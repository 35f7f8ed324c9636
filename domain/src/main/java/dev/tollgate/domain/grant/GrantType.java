package dev.tollgate.domain.grant;

import java.util.Objects;

/**
 * The name of a grant type as it appears in {@code grant_type}. An open value: new grant types are added by new
 * handlers, not by editing an enum.
 */
public record GrantType(String value) {

    public static final GrantType CLIENT_CREDENTIALS = new GrantType("client_credentials");
    public static final GrantType AUTHORIZATION_CODE = new GrantType("authorization_code");
    public static final GrantType REFRESH_TOKEN = new GrantType("refresh_token");
    public static final GrantType PASSWORD = new GrantType("password");
    /**
     * Moltin's implicit token (seed 004): issued directly to a client named by its client_id alone, with the
     * tenant's narrow implicit scope. Not RFC 6749's implicit redirect flow.
     */
    public static final GrantType IMPLICIT = new GrantType("implicit");
    /** RFC 7523 §2.1. */
    public static final GrantType JWT_BEARER = new GrantType("urn:ietf:params:oauth:grant-type:jwt-bearer");

    public GrantType {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("grant type must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
