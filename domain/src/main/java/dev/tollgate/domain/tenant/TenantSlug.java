package dev.tollgate.domain.tenant;

import java.util.Optional;
import java.util.regex.Pattern;

/** A tenant's name in paths and issuers: lowercase letters, digits and dashes, e.g. {@code acme-staging}. */
public record TenantSlug(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public TenantSlug {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "A tenant slug is 1 to 63 lowercase letters, digits or dashes, not starting or ending with a dash");
        }
    }

    public static Optional<TenantSlug> parse(String value) {
        return value != null && SHAPE.matcher(value).matches() ? Optional.of(new TenantSlug(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
