package dev.tollgate.adapters.rest.legacy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.application.legacy.LegacyAnswer;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.DeprecationHeaders;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Renders v0 answers in seed 001's shapes: {@code post_token_response} and {@code error_response}. */
public final class V0Responses {

    /** seed 001 {@code post_token_response}, in the order of its samples. */
    @JsonPropertyOrder({"refresh_token", "access_token", "token_type", "scope", "expires_in"})
    public record TokenBody(
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("scope") String scope,
            @JsonProperty("expires_in") long expiresIn) {
    }

    /** seed 001 {@code error_response}. */
    @JsonPropertyOrder({"status", "message", "request_id"})
    public record ErrorBody(
            @JsonProperty("status") int status,
            @JsonProperty("message") String message,
            @JsonProperty("request_id") String requestId) {
    }

    static final String AUTHENTICATION_FAILED = "Authentication failed";

    private V0Responses() {
    }

    static Response render(LegacyAnswer answer, String requestId) {
        Response.ResponseBuilder response = switch (answer) {
            case LegacyAnswer.Issued issued -> Response.ok(token(issued.token()));
            case LegacyAnswer.Failed failed -> retryAfter(error(status(failed.error()), message(failed.error()),
                    requestId), failed.error());
            case LegacyAnswer.Gone gone -> error(410, gone.refusal().message(), requestId);
        };
        return withNotice(response, answer.notice()).build();
    }

    /** An error of the v0 surface that the framework raised before the resource ran (405, 415, ...). */
    public static Response error(int status, String message, String requestId, Optional<DeprecationDecision.Notice> notice) {
        return withNotice(error(status, message, requestId), notice).build();
    }

    /** RFC 9110 §10.2.3: when a throttled caller may try again. */
    private static Response.ResponseBuilder retryAfter(Response.ResponseBuilder response, OAuthError error) {
        error.retryAfterSeconds().ifPresent(seconds -> response.header("Retry-After", seconds));
        return response;
    }

    private static TokenBody token(IssuedToken token) {
        return new TokenBody(token.refreshToken().orElseThrow(), token.accessToken(), IssuedToken.BEARER,
                token.scope().value(), token.expiresIn().toSeconds());
    }

    private static Response.ResponseBuilder error(int status, String message, String requestId) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message, requestId));
    }

    private static Response.ResponseBuilder withNotice(
            Response.ResponseBuilder response, Optional<DeprecationDecision.Notice> notice) {
        response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
        notice.ifPresent(n -> DeprecationHeaders.of(n).forEach(response::header));
        return response;
    }

    /**
     * seed 001: 400 for malformed requests, 403 for any failed authentication, 500 only for real faults; 429 for a
     * caller over a rate limit or locked after failed attempts.
     */
    static int status(OAuthError error) {
        if (error.cause() == OAuthError.Cause.UNKNOWN_TENANT) {
            return 404;
        }
        if (error.cause() == OAuthError.Cause.THROTTLED) {
            return 429;
        }
        return switch (error.code()) {
            case INVALID_REQUEST, UNSUPPORTED_GRANT_TYPE, UNSUPPORTED_RESPONSE_TYPE -> 400;
            case INVALID_GRANT, INVALID_CLIENT, UNAUTHORIZED_CLIENT, INVALID_SCOPE, ACCESS_DENIED, INVALID_TOKEN,
                    INSUFFICIENT_SCOPE -> 403;
            case TEMPORARILY_UNAVAILABLE -> 503;
            case SERVER_ERROR -> 500;
        };
    }

    private static String message(OAuthError error) {
        return switch (status(error)) {
            case 400, 404 -> error.description();
            case 403 -> AUTHENTICATION_FAILED;
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Error";
        };
    }
}
