package dev.tollgate.adapters.rest.common;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request body the framework could not read (a multipart body that is malformed or ends before its closing boundary,
 * a chunked body over the size limit) is the caller's mistake: a 400 (or 413) in the dialect's shape, like the other framework
 * refusals, not a logged {@code server_error}. The framework reports the last two as plain {@link IOException}s; every
 * subclass (a closed connection, a JSON processing failure) stays with {@link ErrorMappers#unexpected}.
 */
public class UnreadableRequests {

    private static final Logger LOG = Logger.getLogger(UnreadableRequests.class);
    /** VertxInputStream's message when a body without Content-Length outgrows quarkus.http.limits.max-body-size. */
    private static final String TOO_LARGE = "Request too large";

    private final ErrorMappers mappers;

    public UnreadableRequests(ErrorMappers mappers) {
        this.mappers = mappers;
    }

    /** A multipart body whose structure is broken (a part without headers, a bad boundary line). */
    @ServerExceptionMapper
    public Response malformed(MultipartParser.MalformedMessageException e, HttpServerRequest request) {
        LOG.debugf("Malformed multipart body, answered 400");
        return mappers.framework(new WebApplicationException(400), request);
    }

    @ServerExceptionMapper
    public Response unreadable(IOException e, HttpServerRequest request) {
        if (e.getClass() != IOException.class || e.getCause() != null) {
            return mappers.unexpected(e, request);
        }
        int status = TOO_LARGE.equals(e.getMessage()) ? 413 : 400;
        LOG.debugf("Unreadable request body, answered %d: %s", status, e.getMessage());
        return mappers.framework(new WebApplicationException(status), request);
    }
}
