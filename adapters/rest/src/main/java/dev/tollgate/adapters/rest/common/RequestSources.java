package dev.tollgate.adapters.rest.common;

import dev.tollgate.domain.abuse.SourceAddress;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;

/**
 * The source address of the request being served, as the abuse limits count it. Behind a load balancer this is the
 * balancer unless {@code quarkus.http.proxy.proxy-address-forwarding} (with {@code trusted-proxies}) lets Quarkus
 * take the client's address from {@code Forwarded}/{@code X-Forwarded-For}; see docs/reliability.md.
 */
@ApplicationScoped
public class RequestSources {

    private final CurrentVertxRequest request;

    public RequestSources(CurrentVertxRequest request) {
        this.request = request;
    }

    public SourceAddress current() {
        try {
            RoutingContext context = request.getCurrent();
            SocketAddress remote = context == null ? null : context.request().remoteAddress();
            return remote == null ? SourceAddress.UNKNOWN : SourceAddress.of(remote.hostAddress());
        } catch (ContextNotActiveException e) {
            return SourceAddress.UNKNOWN;
        }
    }
}
