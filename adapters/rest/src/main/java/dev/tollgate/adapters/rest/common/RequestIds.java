package dev.tollgate.adapters.rest.common;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, else a new UUID. It is echoed
 * in the response header, rendered in error bodies that carry one (v0), and logged with the v0 calls and with every
 * unexpected failure, so a caller's support ticket leads to the right log line.
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
        rc.next();
    }

    /** The id of the request being served. */
    public static String of(RoutingContext rc) {
        String id = rc == null ? null : rc.get(KEY);
        return id != null ? id : UUID.randomUUID().toString();
    }
}
