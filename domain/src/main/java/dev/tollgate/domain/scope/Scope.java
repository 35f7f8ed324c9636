package dev.tollgate.domain.scope;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A set of scope tokens (RFC 6749 §3.3), kept in the order they were given so responses read as requested.
 */
public record Scope(Set<String> tokens) {

    public static final Scope EMPTY = new Scope(Set.of());

    public Scope {
        tokens.forEach(Scope::requireValidToken);
        tokens = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tokens));
    }

    public static Scope of(Collection<String> tokens) {
        return new Scope(new LinkedHashSet<>(tokens));
    }

    public static Scope of(String... tokens) {
        return of(java.util.Arrays.asList(tokens));
    }

    /**
     * Parses a space-delimited scope parameter. Empty means "no scope"; a malformed token yields empty Optional.
     */
    public static Optional<Scope> parse(String value) {
        Set<String> parsed = new LinkedHashSet<>();
        for (String token : value.split(" ", -1)) {
            if (token.isEmpty()) {
                // RFC 6749 uses exactly one space between tokens; be lenient only about surrounding spaces
                continue;
            }
            if (!isValidToken(token)) {
                return Optional.empty();
            }
            parsed.add(token);
        }
        return Optional.of(new Scope(parsed));
    }

    /** scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) */
    public static boolean isValidToken(String token) {
        if (token.isEmpty() || token.length() > 200) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean allowed = c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static void requireValidToken(String token) {
        if (!isValidToken(token)) {
            throw new IllegalArgumentException("Invalid scope token: " + token);
        }
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    public boolean containsAll(Scope other) {
        return tokens.containsAll(other.tokens);
    }

    /** The tokens of {@code requested} that this scope does not contain. */
    public Set<String> missing(Scope requested) {
        Set<String> missing = new LinkedHashSet<>(requested.tokens);
        missing.removeAll(tokens);
        return missing;
    }

    /** The space-delimited wire form. */
    public String value() {
        return String.join(" ", tokens);
    }

    @Override
    public String toString() {
        return value();
    }
}
