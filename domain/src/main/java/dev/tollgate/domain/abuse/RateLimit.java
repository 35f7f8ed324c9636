package dev.tollgate.domain.abuse;

/**
 * A request rate as a token bucket: {@code perSecond} requests on average, bursts of up to {@code burst} at once.
 */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("perSecond must be a positive number");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1");
        }
    }
}
