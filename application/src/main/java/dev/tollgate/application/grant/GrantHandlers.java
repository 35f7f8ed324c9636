package dev.tollgate.application.grant;

import dev.tollgate.domain.grant.GrantType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every grant handler the container found, by grant type. Two handlers for one grant type is a wiring error. */
public final class GrantHandlers {

    private final Map<GrantType, GrantHandler> byType;

    public GrantHandlers(Collection<? extends GrantHandler> handlers) {
        Map<GrantType, GrantHandler> map = new HashMap<>();
        for (GrantHandler handler : handlers) {
            GrantHandler previous = map.putIfAbsent(handler.grantType(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two grant handlers for " + handler.grantType() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.byType = Map.copyOf(map);
    }

    public Optional<GrantHandler> find(GrantType type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Every grant type some endpoint serves: what a client may be allowed. */
    public Set<GrantType> supported() {
        return byType.keySet();
    }

    /** The grant types every OAuth token endpoint serves, for metadata documents. */
    public Set<GrantType> generalPurpose() {
        return byType.values().stream().filter(GrantHandler::generalPurpose).map(GrantHandler::grantType)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
