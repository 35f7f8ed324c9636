package dev.tollgate.application.port;

import dev.tollgate.domain.deprecation.LegacySurface;

/**
 * Told of every call of a deprecated surface as the migration report counts it (served or refused by a brownout or
 * the sunset): an operator watches the migration live (metrics) without waiting for the report's flush.
 */
public interface LegacyCalls {

    /** For wiring without an observer (unit tests). */
    LegacyCalls NONE = (surface, refused) -> {
    };

    void called(LegacySurface surface, boolean refused);
}
