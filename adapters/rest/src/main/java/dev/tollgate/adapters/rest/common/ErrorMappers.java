package dev.tollgate.adapters.rest.common;

import dev.tollgate.adapters.rest.authorize.AuthorizationPages;
import dev.tollgate.adapters.rest.console.ConsolePages;
import dev.tollgate.adapters.rest.legacy.V0Responses;
import dev.tollgate.adapters.rest.moltin.JsonApiErrors;
import dev.tollgate.adapters.rest.observability.TokenMeters;
import dev.tollgate.application.deprecation.Deprecations;
import dev.tollgate.application.port.DatabaseOutages;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Last line of defence: nothing leaves the service as a stack trace or an HTML error page. Framework refusals keep
 * their status with an RFC 6749 §5.2 body; a database that cannot be reached is a 503 {@code temporarily_unavailable}
 * in the dialect's shape; anything else unexpected is a logged {@code server_error}.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** What a caller is told while the database is away; {@code Retry-After} says when to try again (seconds). */
    static final String UNAVAILABLE = "The service is temporarily unavailable; retry in a few seconds";
    static final String RETRY_AFTER_SECONDS = "5";
    /** While the database stays away, one WARN per interval, counting the requests answered in between. */
    private static final long WARNING_INTERVAL_NANOS = 10_000_000_000L;
    private static final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
    private static final AtomicInteger answeredSinceWarning = new AtomicInteger();

    private final Deprecations deprecations;
    private final DatabaseOutages outages;

    public ErrorMappers(Deprecations deprecations, DatabaseOutages outages) {
        this.deprecations = deprecations;
        this.outages = outages;
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        Optional<LegacySurface> legacy = legacySurface(request);
        if (legacy.isPresent()) {
            return V0Responses.error(status, describe(status), requestId(request), notice(legacy.get()));
        }
        if (isMoltin(request)) {
            return withAllow(JsonApiErrors.render(status, reasonPhrase(status), describe(status)), e);
        }
        if (isAuthorizationPage(request)) {
            return withAllow(pages.errorPage(status, describe(status)), e);
        }
        if (isConsole(request)) {
            return withAllow(consolePages.failure(status, describe(status)), e);
        }
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthErrorResponses.Body(OAuthErrorCode.INVALID_REQUEST.wireName(), describe(status)));
        return withAllow(response.build(), e);
    }

    /** The authorization endpoint answers browsers: its refusals are error pages, like its own. */
    @Inject
    AuthorizationPages pages;

    /** The admin console is pages too (its own failures are mapped by ConsoleResource). */
    @Inject
    ConsolePages consolePages;

    private static boolean isConsole(HttpServerRequest request) {
        String path = request == null ? null : request.path();
        return path != null && (path.equals("/console") || path.startsWith("/console/"));
    }

    /** An outage answered at a token endpoint is one of its refusals (reason {@code unavailable}). */
    @Inject
    TokenMeters meters;

    private static boolean isAuthorizationPage(HttpServerRequest request) {
        String path = request == null ? null : request.path();
        return path != null && AUTHORIZATION_PAGE.matcher(path).matches();
    }

    private static final java.util.regex.Pattern AUTHORIZATION_PAGE =
            java.util.regex.Pattern.compile("/oauth/authorize/?|/auth/realms/[^/]+/protocol/openid-connect/auth/?");

    /** A 405 says what is allowed (RFC 9110 §15.5.6). */
    private static Response withAllow(Response response, WebApplicationException e) {
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
            response.getHeaders().putSingle("Allow", allow);
        }
        return response;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        String requestId = requestId(request);
        if (clientWentAway(e)) {
            // the caller closed the connection before its body arrived (a load generator stopping, a user leaving):
            // nobody will read this answer and nothing went wrong here
            LOG.debugf("Connection closed by the client while reading the request (request_id=%s)", requestId);
            return Response.status(400).build();
        }
        if (outages.isOutage(e)) {
            return unavailable(e, request, requestId);
        }
        // the exception type and message only: causes may carry SQL parameters or request data
        LOG.errorf("Unexpected %s: %s (request_id=%s)", e.getClass().getName(), e.getMessage(), requestId);
        LOG.debug("Unexpected failure", e);
        Optional<LegacySurface> legacy = legacySurface(request);
        if (legacy.isPresent()) {
            return V0Responses.error(500, "Internal Error", requestId, notice(legacy.get()));
        }
        if (isAuthorizationPage(request)) {
            return pages.errorPage(500, "Something went wrong on our side. Please try again later.");
        }
        if (isMoltin(request)) {
            return JsonApiErrors.render(OAuthError.serverError());
        }
        return OAuthErrorResponses.render(OAuthError.serverError());
    }

    /**
     * The database could not be reached: 503 in the dialect's shape with {@code Retry-After}, logged as a WARN at most
     * once per interval (an outage under load would otherwise log every request, each with its stack trace).
     */
    private Response unavailable(Throwable e, HttpServerRequest request, String requestId) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            int meanwhile = answeredSinceWarning.getAndSet(0);
            LOG.warnf("Database unavailable (%s): answering 503 temporarily_unavailable (request_id=%s%s)",
                    reason(e), requestId, meanwhile > 0 ? ", " + meanwhile + " more since the last warning" : "");
        } else {
            answeredSinceWarning.incrementAndGet();
            LOG.debugf("Database unavailable (%s) (request_id=%s)", reason(e), requestId);
        }
        OAuthError error = OAuthError.of(OAuthErrorCode.TEMPORARILY_UNAVAILABLE, UNAVAILABLE);
        TokenMeters.Dialect.ofTokenPath(request == null ? null : request.path()).ifPresent(dialect ->
                meters.refused(dialect, OAuthErrorCode.TEMPORARILY_UNAVAILABLE, TokenMeters.Reason.UNAVAILABLE));
        Optional<LegacySurface> legacy = legacySurface(request);
        Response response;
        if (legacy.isPresent()) {
            response = V0Responses.error(503, "Service Unavailable", requestId, notice(legacy.get()));
        } else if (isAuthorizationPage(request)) {
            response = pages.errorPage(503, "Signing in is not possible at the moment. Please try again in a minute.");
        } else if (isMoltin(request)) {
            response = JsonApiErrors.render(error);
        } else {
            response = OAuthErrorResponses.render(error);
        }
        response.getHeaders().putSingle("Retry-After", RETRY_AFTER_SECONDS);
        return response;
    }

    /**
     * The innermost SQL exception (else the innermost cause): its type, SQLState and message say what failed, without
     * the SQL text that the wrappers add.
     */
    private static String reason(Throwable e) {
        Throwable chosen = e;
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException || !(chosen instanceof java.sql.SQLException)) {
                chosen = cause;
            }
        }
        String state = chosen instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? " " + sql.getSQLState() : "";
        return chosen.getClass().getSimpleName() + state + ": " + chosen.getMessage();
    }

    /** The v0 paths answer in their own error shape (seed 001), with the deprecation headers. */
    private static Optional<LegacySurface> legacySurface(HttpServerRequest request) {
        String path = request == null ? null : request.path();
        if (path == null || !path.startsWith("/v0/")) {
            return Optional.empty();
        }
        return Optional.of(path.startsWith("/v0/refresh_token") ? LegacySurface.V0_REFRESH : LegacySurface.V0_TOKEN);
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** The Moltin dialect's paths answer with JSON:API error objects (seed 004). */
    private static boolean isMoltin(HttpServerRequest request) {
        String path = request == null ? null : request.path();
        // with or without the trailing slash, as the resource itself is routed
        return path != null && (path.equals("/oauth/access_token") || path.equals("/oauth/access_token/")
                || path.startsWith("/v2/"));
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** The service-wide notice: the tenant is not resolved for a request the framework refused. */
    private Optional<DeprecationDecision.Notice> notice(LegacySurface surface) {
        return deprecations.decide(Optional.empty(), surface)
                .flatMap(DeprecationDecision::responseNotice);
    }

    private static String requestId(HttpServerRequest request) {
        String id = request == null ? null : request.response().headers().get(RequestIds.HEADER);
        return id != null ? id : UUID.randomUUID().toString();
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported media type";
            default -> "Bad request";
        };
    }
}
