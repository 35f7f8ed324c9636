package dev.tollgate.domain.grant;

import java.util.Objects;

/**
 * The name of a grant type as it appears in {@code grant_type}. An open value: new grant types are added by new
 * handlers, not by editing an enum.
 */
public record GrantType(String value) {

    public static final GrantType CLIENT_CREDENTIALS = new GrantType("client_credentials");

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
