package dev.tollgate.application.grant;

import java.time.Duration;
import java.util.Objects;

/**
 * How old a JWT bearer assertion may be and how far clocks may disagree.
 *
 * @param maxAge    an assertion issued ({@code iat}) longer ago than this is refused, whatever its {@code exp}
 * @param clockSkew tolerance applied to {@code iat}, {@code exp} and {@code nbf} for clocks that disagree
 */
public record JwtBearerSettings(Duration maxAge, Duration clockSkew) {

    public static final JwtBearerSettings DEFAULT = new JwtBearerSettings(Duration.ofSeconds(300), Duration.ofSeconds(60));

    public JwtBearerSettings {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("tollgate.jwt-bearer.max-age must be positive");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("tollgate.jwt-bearer.clock-skew must be between 0 and 10 minutes");
        }
    }
}
