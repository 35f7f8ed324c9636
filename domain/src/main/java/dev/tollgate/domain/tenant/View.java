package dev.tollgate.domain.tenant;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A storefront view (seed 003 §3): which catalog view a user's requests see. A tenant may have a default view, a
 * user a view of their own, and a JWT bearer assertion may name one; the result travels in the {@code view} claim.
 */
public record View(String id) {

    /** Visible ASCII without spaces: the id is copied into tokens, so nothing that could confuse a reader of them. */
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

    public View {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a view id is 1 to 100 visible ASCII characters without spaces");
        }
    }

    public static Optional<View> parse(String id) {
        return id != null && ID.matcher(id).matches() ? Optional.of(new View(id)) : Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
