package dev.tollgate.application.port;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the abuse limits keep their counters (failed attempts, request allowances) between requests. The in-memory
 * implementation counts per replica; one on a shared store (e.g. Redis) would make the limits hold across replicas.
 */
public interface AbuseLedger {

    /**
     * Replaces what is kept under {@code key} by {@code change(current)}, atomically with respect to other updates of
     * that key; {@code current} is null when nothing is kept, and a null result forgets the key. Returns the result.
     */
    <S> S update(String key, Class<S> type, UnaryOperator<S> change);

    /** What is kept under {@code key}, if anything of that type. */
    <S> Optional<S> read(String key, Class<S> type);
}
