package dev.tollgate.adapters.rest.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Renders an {@link OAuthError} as RFC 6749 §5.2 JSON, the error shape of the realm and OAuth dialects. */
public final class OAuthErrorResponses {

    /** RFC 6749 §5.2 body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(
            @JsonProperty("error") String error,
            @JsonProperty("error_description") String errorDescription) {
    }

    private OAuthErrorResponses() {
    }

    public static Response render(OAuthError error) {
        Response.ResponseBuilder response = Response.status(status(error))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(new Body(error.code().wireName(), error.description()));
        if (error.cause() == OAuthError.Cause.BASIC_AUTHENTICATION_FAILED) {
            response.header("WWW-Authenticate", "Basic realm=\"tollgate\", charset=\"UTF-8\"");
        }
        // RFC 9110 §10.2.3: when a throttled caller may try again
        error.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    public static int status(OAuthError error) {
        return switch (error.cause()) {
            case UNKNOWN_TENANT -> 404;
            case BODY_TOO_LARGE -> 413;
            // RFC 6585 §4; the body says temporarily_unavailable, the closest RFC 6749 code
            case THROTTLED -> 429;
            case BASIC_AUTHENTICATION_FAILED, GENERAL -> statusOf(error.code());
        };
    }

    private static int statusOf(OAuthErrorCode code) {
        return switch (code) {
            case INVALID_CLIENT, INVALID_TOKEN -> 401;
            case SERVER_ERROR -> 500;
            case TEMPORARILY_UNAVAILABLE -> 503;
            case INVALID_REQUEST, INVALID_GRANT, UNAUTHORIZED_CLIENT, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE,
                    UNSUPPORTED_RESPONSE_TYPE -> 400;
            case ACCESS_DENIED, INSUFFICIENT_SCOPE -> 403;
        };
    }
}
