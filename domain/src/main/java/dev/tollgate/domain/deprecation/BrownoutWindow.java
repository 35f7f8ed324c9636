package dev.tollgate.domain.deprecation;

import java.time.Instant;
import java.util.Objects;

/** A planned outage of a legacy surface, [start, end), to make remaining callers notice before the sunset. */
public record BrownoutWindow(Instant start, Instant end) {

    public BrownoutWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a brownout ends after it starts");
        }
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
