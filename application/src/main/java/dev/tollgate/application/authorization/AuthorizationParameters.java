package dev.tollgate.application.authorization;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of an authorization request as the browser sent them (query or form): each name's value, empty
 * values dropped (RFC 6749 §3.1), and the names that came more than once (§3.1: "MUST NOT be included more than
 * once"), which the request is refused for.
 */
public record AuthorizationParameters(Map<String, String> values, Set<String> repeated) {

    /** Beyond this, a parameter is not a parameter of a real authorization request. */
    public static final int MAX_VALUE_LENGTH = 2048;

    public AuthorizationParameters {
        values = Map.copyOf(values);
        repeated = Set.copyOf(repeated);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public String toString() {
        return "AuthorizationParameters" + values.keySet();
    }
}
