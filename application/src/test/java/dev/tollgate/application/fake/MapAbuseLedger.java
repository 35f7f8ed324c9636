package dev.tollgate.application.fake;

import dev.tollgate.application.port.AbuseLedger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The abuse ledger in a map, unbounded: the tests look inside. */
public final class MapAbuseLedger implements AbuseLedger {

    public final Map<String, Object> entries = new ConcurrentHashMap<>();

    @Override
    public <S> S update(String key, Class<S> type, UnaryOperator<S> change) {
        Object result = entries.compute(key, (k, current) -> change.apply(type.isInstance(current)
                ? type.cast(current)
                : null));
        return type.cast(result);
    }

    @Override
    public <S> Optional<S> read(String key, Class<S> type) {
        return Optional.ofNullable(entries.get(key)).filter(type::isInstance).map(type::cast);
    }
}
