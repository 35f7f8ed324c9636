package dev.tollgate.adapters.rest.moltin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The Moltin dialect's error shape (seed 004's platform, JSON:API error objects):
 * {@code {"errors":[{"status":"401","title":"…","detail":"…"}]}}, the status repeated as a string.
 */
public final class JsonApiErrors {

    /** One JSON:API error object. */
    @JsonPropertyOrder({"status", "title", "detail"})
    public record ErrorObject(
            @JsonProperty("status") String status,
            @JsonProperty("title") String title,
            @JsonProperty("detail") String detail) {
    }

    /** A JSON:API document holding errors only. */
    public record Document(@JsonProperty("errors") List<ErrorObject> errors) {
    }

    private JsonApiErrors() {
    }

    public static Response render(OAuthError error) {
        int status = status(error);
        Response.ResponseBuilder response = builder(status, title(error), error.description());
        switch (error.cause()) {
            case BASIC_AUTHENTICATION_FAILED ->
                    response.header("WWW-Authenticate", "Basic realm=\"tollgate\", charset=\"UTF-8\"");
            case GENERAL, UNKNOWN_TENANT, BODY_TOO_LARGE, THROTTLED -> {
            }
        }
        error.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", seconds));
        if (error.code() == OAuthErrorCode.INVALID_TOKEN) {
            // RFC 6750 §3: the challenge names the scheme and the error
            response.header("WWW-Authenticate", "Bearer realm=\"tollgate\", error=\"invalid_token\"");
        }
        return response.build();
    }

    public static Response render(int status, String title, String detail) {
        return builder(status, title, detail).build();
    }

    private static Response.ResponseBuilder builder(int status, String title, String detail) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(new Document(List.of(new ErrorObject(Integer.toString(status), title, detail))));
    }

    static int status(OAuthError error) {
        return switch (error.cause()) {
            case UNKNOWN_TENANT -> 404;
            case BODY_TOO_LARGE -> 413;
            case THROTTLED -> 429;
            case BASIC_AUTHENTICATION_FAILED, GENERAL -> switch (error.code()) {
                // invalid_grant here is a customer's wrong email or password: authentication failed
                case INVALID_CLIENT, INVALID_TOKEN, INVALID_GRANT -> 401;
                case UNAUTHORIZED_CLIENT, INSUFFICIENT_SCOPE, ACCESS_DENIED -> 403;
                case INVALID_REQUEST, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE, UNSUPPORTED_RESPONSE_TYPE -> 400;
                case SERVER_ERROR -> 500;
                case TEMPORARILY_UNAVAILABLE -> 503;
            };
        };
    }

    private static String title(OAuthError error) {
        return switch (error.cause()) {
            case UNKNOWN_TENANT -> "Not Found";
            case BODY_TOO_LARGE -> "Payload Too Large";
            case THROTTLED -> "Too Many Requests";
            case BASIC_AUTHENTICATION_FAILED, GENERAL -> switch (error.code()) {
                case INVALID_REQUEST -> "Invalid Request";
                case INVALID_CLIENT -> "Invalid Client";
                case INVALID_GRANT -> "Invalid Credentials";
                case UNAUTHORIZED_CLIENT -> "Unauthorized Client";
                case UNSUPPORTED_GRANT_TYPE -> "Unsupported Grant Type";
                case INVALID_SCOPE -> "Invalid Scope";
                case ACCESS_DENIED -> "Access Denied";
                case UNSUPPORTED_RESPONSE_TYPE -> "Unsupported Response Type";
                case INVALID_TOKEN -> "Invalid Access Token";
                case INSUFFICIENT_SCOPE -> "Forbidden";
                case SERVER_ERROR -> "Internal Server Error";
                case TEMPORARILY_UNAVAILABLE -> "Service Unavailable";
            };
        };
    }
}
