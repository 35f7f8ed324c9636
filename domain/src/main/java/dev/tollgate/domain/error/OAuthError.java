package dev.tollgate.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth error as a value. Dialects render it in their own shape; the domain only says what went wrong.
 *
 * @param code        one of the closed set of codes
 * @param description a human-readable sentence safe to show to the caller (never a secret)
 * @param cause       what the refusal was about, so a dialect can pick a status (e.g. 404 for an unknown tenant)
 * @param retryAfter  when the caller may try again, for a refusal that passes with time (HTTP {@code Retry-After})
 */
public record OAuthError(OAuthErrorCode code, String description, Cause cause, Optional<Duration> retryAfter) {

    /** Why an error happened, beyond its code, where a dialect renders it differently. */
    public enum Cause {
        GENERAL,
        /** The tenant named by the path or the Host does not exist or is disabled. */
        UNKNOWN_TENANT,
        /** Client authentication was attempted with HTTP Basic: the challenge must name that scheme. */
        BASIC_AUTHENTICATION_FAILED,
        /** The request body exceeded the accepted size. */
        BODY_TOO_LARGE,
        /** Too many requests or failed attempts: refused for a while (HTTP 429 with {@code Retry-After}). */
        THROTTLED
    }

    public OAuthError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public OAuthError(OAuthErrorCode code, String description, Cause cause) {
        this(code, description, cause, Optional.empty());
    }

    public static OAuthError of(OAuthErrorCode code, String description) {
        return new OAuthError(code, description, Cause.GENERAL);
    }

    public static OAuthError invalidRequest(String description) {
        return of(OAuthErrorCode.INVALID_REQUEST, description);
    }

    public static OAuthError invalidClient() {
        return of(OAuthErrorCode.INVALID_CLIENT, "Client authentication failed");
    }

    public static OAuthError invalidGrant(String description) {
        return of(OAuthErrorCode.INVALID_GRANT, description);
    }

    public static OAuthError invalidScope(String description) {
        return of(OAuthErrorCode.INVALID_SCOPE, description);
    }

    public static OAuthError unauthorizedClient(String description) {
        return of(OAuthErrorCode.UNAUTHORIZED_CLIENT, description);
    }

    public static OAuthError unsupportedGrantType(String grantType) {
        return of(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, "Unsupported grant_type: " + grantType);
    }

    public static OAuthError unknownTenant() {
        return new OAuthError(OAuthErrorCode.INVALID_REQUEST, "Unknown tenant", Cause.UNKNOWN_TENANT);
    }

    public static OAuthError serverError() {
        return of(OAuthErrorCode.SERVER_ERROR, "Internal error");
    }

    /** Too many requests from this caller: try again after {@code retryAfter}. */
    public static OAuthError tooManyRequests(Duration retryAfter) {
        return throttled("Too many requests; retry later", retryAfter);
    }

    /** Too many failed sign-in or client authentication attempts: locked for {@code retryAfter}. */
    public static OAuthError tooManyFailedAttempts(Duration retryAfter) {
        return throttled("Too many failed attempts; retry later", retryAfter);
    }

    private static OAuthError throttled(String description, Duration retryAfter) {
        return new OAuthError(OAuthErrorCode.TEMPORARILY_UNAVAILABLE, description, Cause.THROTTLED,
                Optional.of(retryAfter));
    }

    /** Whole seconds for {@code Retry-After} (RFC 9110 §10.2.3), rounded up so that a retry then is not early. */
    public Optional<Long> retryAfterSeconds() {
        return retryAfter.map(wait -> Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    public OAuthError because(Cause newCause) {
        return new OAuthError(code, description, newCause, retryAfter);
    }
}
