package dev.tollgate.domain.token;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code token_type_hint} of introspection (RFC 7662 §2.1) and revocation (RFC 7009 §2.1): where to look first.
 * A hint never decides the answer; an unknown one is ignored.
 */
public enum TokenTypeHint {
    ACCESS_TOKEN("access_token"),
    REFRESH_TOKEN("refresh_token");

    private final String wireName;

    TokenTypeHint(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The hint named {@code wireName}; empty for a missing or unknown one. */
    public static Optional<TokenTypeHint> parse(String wireName) {
        return Arrays.stream(values()).filter(h -> h.wireName.equals(wireName)).findFirst();
    }
}
