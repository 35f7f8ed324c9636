package dev.tollgate.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import dev.tollgate.adapters.persistence.cache.RepositoryCaches;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cache race behind SecretRotationRaceTest, made deterministic: a request misses the cache and reads the client
 * from the database just before a secret rotation commits; the rotation drops the caches; then the request's load
 * finishes. What it read is stale and must not stay in the cache, or the new secret the admin API has just returned
 * would be refused until the next periodic refresh.
 */
class CacheLoadRaceTest {

    /** Outside any transaction, as the token endpoint's reads are. */
    private static final class NoTransaction implements TransactionSynchronizationRegistry {
        @Override
        public Object getTransactionKey() {
            return null;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new IllegalStateException("no transaction");
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            throw new IllegalStateException("no transaction");
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void setRollbackOnly() {
            throw new IllegalStateException("no transaction");
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    @Test
    void aLoadOverlappingADropDoesNotStayCached() throws Exception {
        RepositoryCaches caches = new RepositoryCaches(new NoTransaction(), null, null, null);
        Cache<String, String> cache = caches.create("race");
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch dropped = new CountDownLatch(1);

        CompletableFuture<String> early = CompletableFuture.supplyAsync(() -> caches.read(cache, "client", key -> {
            loading.countDown();
            await(dropped);
            return "old secret";
        }));
        assertTrue(loading.await(30, TimeUnit.SECONDS));
        caches.write(() -> "rotated");
        dropped.countDown();

        assertEquals("old secret", early.get(30, TimeUnit.SECONDS), "the early request gets what it read");
        assertEquals("new secret", caches.read(cache, "client", key -> "new secret"),
                "a request after the rotation reads the database again");
        assertEquals("new secret", caches.read(cache, "client", key -> "never loaded"), "and that is cached");
    }

    @Test
    void aLoadWithoutADropIsCached() {
        RepositoryCaches caches = new RepositoryCaches(new NoTransaction(), null, null, null);
        Cache<String, String> cache = caches.create("race");
        assertEquals("loaded", caches.read(cache, "key", key -> "loaded"));
        assertEquals("loaded", caches.read(cache, "key", key -> "loaded again"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
