package dev.tollgate.adapters.rest.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Requests the HTTP layer refuses before any endpoint runs (no or a malformed {@code Host}, an announced body over the
 * size limit, a path or query with an escaped NUL, a multipart body without a boundary) are answered like the framework refusals of {@link ErrorMappers}: in
 * the error shape of the path's dialect. Without this they got an empty body, or Quarkus' error document with the
 * exception (and, outside production, its stack trace), logged as an ERROR although the caller was at fault.
 */
@ApplicationScoped
public class HttpLayerRefusals {

    private static final Logger LOG = Logger.getLogger(HttpLayerRefusals.class);

    private final ErrorMappers mappers;
    private final ObjectMapper json;
    private final Optional<MemorySize> maxBodySize;

    public HttpLayerRefusals(ErrorMappers mappers, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.mappers = mappers;
        this.json = json;
        this.maxBodySize = maxBodySize;
    }

    void install(@Observes Router router) {
        // first among the failure handlers; anything but a client error goes on to the others
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refuse);
        // PostgreSQL text cannot hold NUL, and no identifier or OAuth parameter (RFC 6749 Appendix A) has one: a path
        // or query that decodes to NUL is refused here, before it reaches a query
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            if (rc.request().uri().contains("%00") || emptyBoundary(rc.request().getHeader("Content-Type"))) {
                rc.fail(400);
            } else {
                rc.next();
            }
        });
        // before Quarkus' own check of the announced length, which answers 413 with an empty body
        maxBodySize.ifPresent(limit -> router.route().order(Integer.MIN_VALUE + 2).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && isOver(length, limit.asLongValue())) {
                rc.fail(413);
            } else {
                rc.next();
            }
        }));
    }

    private void refuse(RoutingContext rc) {
        int status = rc.statusCode();
        HttpServerResponse http = rc.response();
        if (http.ended() && rc.failure() instanceof IllegalStateException late) {
            // the framework answered already (a bare 413 to a chunked body over the limit) and then failed to write
            // the mapped error too: nothing can change the answer, and it is no server error worth an ERROR line
            LOG.debugf("Failure after the response was sent: %s", late.getMessage());
            return;
        }
        if (status < 400 || status >= 500 || http.ended() || http.headWritten()) {
            rc.next();
            return;
        }
        if (http.headers().get(RequestIds.HEADER) == null) {
            // refused before RequestIds ran: the id in a v0 body and the header must still agree
            http.putHeader(RequestIds.HEADER, UUID.randomUUID().toString());
        }
        LOG.debugf("Refused by the HTTP layer with %d: %s (request_id=%s)", status,
                rc.failure() == null ? "-" : rc.failure().getMessage(), http.headers().get(RequestIds.HEADER));
        Response response = mappers.framework(new WebApplicationException(status), rc.request());
        byte[] body;
        try {
            Object entity = response.getEntity();
            body = entity == null ? new byte[0] : entity instanceof String text
                    ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            rc.next();
            return;
        }
        http.setStatusCode(response.getStatus());
        for (Map.Entry<String, List<String>> header : response.getStringHeaders().entrySet()) {
            http.putHeader(header.getKey(), header.getValue());
        }
        if (response.getMediaType() != null) {
            http.putHeader("Content-Type", response.getMediaType().toString());
        }
        // the request may not have been read to its end (a body over the limit): the connection serves no other
        http.putHeader("Connection", "close");
        http.end(Buffer.buffer(body));
    }

    /**
     * A multipart Content-Type whose boundary is empty ({@code boundary=} at the end): RFC 2046 §5.1.1 wants 1 to 70
     * characters, and the framework's header parser fails on it with an exception (a 500) before any endpoint runs.
     */
    static boolean emptyBoundary(String contentType) {
        if (contentType == null || !contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
            return false;
        }
        for (String parameter : contentType.split(";")) {
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(eq + 1).trim();
                return value.isEmpty() || value.equals("\"") || value.equals("\"\"");
            }
        }
        return false;
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed length itself
        }
    }
}
