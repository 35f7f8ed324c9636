package dev.tollgate.application.deprecation;

import java.util.List;
import java.util.Optional;

/**
 * A tenant's policy for one legacy surface as an admin wrote it, unparsed. {@code deprecatedAt} and {@code link}
 * default to the service-wide values; no {@code sunsetAt} means no sunset, no {@code brownouts} means none.
 */
public record PolicySpec(
        Optional<String> surface,
        Optional<String> deprecatedAt,
        Optional<String> sunsetAt,
        Optional<String> link,
        Optional<List<Window>> brownouts) {

    public record Window(Optional<String> start, Optional<String> end) {
    }
}
