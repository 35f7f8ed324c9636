package dev.tollgate.bootstrap.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The same call made by N threads released together: each thread is started and waits at a barrier, so the N
 * requests leave within microseconds of each other instead of trickling out as threads start.
 */
final class Burst {

    private Burst() {
    }

    /** What each of the {@code parallel} calls returned, in thread order; bounded waits so a hang fails the test. */
    static <T> List<T> of(int parallel, Callable<T> call) throws Exception {
        return all(java.util.Collections.nCopies(parallel, call));
    }

    /** Different calls released together; what each returned, in the order given. */
    static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    barrier.await(60, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
