package dev.tollgate.adapters.rest.common;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, else a new UUID. It is echoed
 * in the response header, rendered in error bodies that carry one (v0), and put into the MDC (key
 * {@code request_id}) for as long as the request is served, so that every line logged meanwhile carries it (the
 * console format and the JSON logs show it) and a caller's support ticket leads to the right log lines.
 *
 * <p>The MDC of Quarkus lives in the request's Vert.x duplicated context, not in the thread: set here on the event
 * loop, it is seen on the worker thread that runs the resource and by the access log at the end, and it goes with the
 * context when the request ends. It is still removed at the end, for the fallback to a thread-local MDC outside a
 * duplicated context.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The key under which the id travels with the request, and the MDC key of log lines. */
    public static final String KEY = "request_id";
    /** Plain tokens only: a caller's value ends up in logs, where line breaks or markup would forge entries. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        // before every other route, so that framework errors carry the id too
        router.route().order(Integer.MIN_VALUE).handler(RequestIds::assign);
    }

    private static void assign(RoutingContext rc) {
        String offered = rc.request().getHeader(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        rc.put(KEY, id);
        rc.response().putHeader(HEADER, id);
        MDC.put(KEY, id);
        rc.addEndHandler(ended -> MDC.remove(KEY));
        rc.next();
    }

    /** The id of the request being served. */
    public static String of(RoutingContext rc) {
        String id = rc == null ? null : rc.get(KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
