package dev.tollgate.adapters.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tollgate.adapters.persistence.outage.ConnectionFailures;
import dev.tollgate.adapters.persistence.outage.DatabaseCircuit;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the token endpoint reads on every request (tenants, clients with their secret digests, signing keys) kept in
 * memory, so that issuing a token needs no database round trip.
 *
 * <p>Kept correct by three rules. A transaction that wrote to these tables reads around the cache (it must see its
 * own, uncommitted writes, and must not publish them to other threads); every other read is served from memory.
 * Every write drops everything, again when its transaction ends (committed or rolled back), so this replica sees its
 * own changes at once. Other replicas' changes (and changes by hand) move the {@code cache_epoch} counter in the same
 * transaction (V10 triggers); {@link #refresh()} reads it every {@code tollgate.cache.refresh-interval} and drops
 * everything when it has moved. Entries are bounded in number, so made-up client_ids or Host names only evict.
 *
 * <p>A load that read the database before a write committed must not land in the cache after the write's drop (a
 * secret rotation would then answer {@code invalid_client} to the new secret it just returned, until the next
 * refresh): every drop moves a generation counter, and a loaded value is kept only if no drop happened since its
 * load began. Caffeine's own {@code get(key, loader)} cannot give this, since clearing does not discard a load in
 * flight.
 */
@ApplicationScoped
public class RepositoryCaches {

    /** Far more tenants and clients than a deployment has; beyond it, least used entries go. */
    static final long MAXIMUM_SIZE = 50_000;

    /** Marks a transaction that wrote to a cached table, in its synchronization registry. */
    private static final Object WROTE = new Object();

    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource dataSource;
    private final DatabaseCircuit circuit;
    private final ConnectionFailures failures;
    private final List<Cache<?, ?>> caches = new CopyOnWriteArrayList<>();
    private final Map<String, Cache<?, ?>> named = new LinkedHashMap<>();
    private final List<BiConsumer<String, Cache<?, ?>>> observers = new ArrayList<>();
    /** Drops take it exclusively, so that no loaded value is stored between a drop's count and its clearing. */
    private final ReadWriteLock dropping = new ReentrantReadWriteLock();
    /** How many drops so far; changed only under the write lock of {@link #dropping}. */
    private volatile long generation;
    private volatile long epoch = Long.MIN_VALUE;

    public RepositoryCaches(TransactionSynchronizationRegistry transactions, AgroalDataSource dataSource,
            DatabaseCircuit circuit, ConnectionFailures failures) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.circuit = circuit;
        this.failures = failures;
    }

    /**
     * A new bounded cache, dropped with the others. Its statistics are recorded (a few striped counters, no lock) and
     * published under {@code name} (the {@code cache} label of the {@code cache_*} metrics).
     */
    public <K, V> Cache<K, V> create(String name) {
        return register(name, Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).recordStats().build());
    }

    /** A new bounded cache whose entries are also reloaded after {@code expiry} (for what changes with time). */
    public <K, V> Cache<K, V> create(String name, Duration expiry) {
        return register(name,
                Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).expireAfterWrite(expiry).recordStats().build());
    }

    private synchronized <K, V> Cache<K, V> register(String name, Cache<K, V> cache) {
        caches.add(cache);
        named.put(name, cache);
        observers.forEach(observer -> observer.accept(name, cache));
        return cache;
    }

    /**
     * Tells {@code observer} of every cache by name, those created so far and those to come (the repositories that
     * create them are built lazily, on first use): how their metrics are bound.
     */
    public synchronized void whenCreated(BiConsumer<String, Cache<?, ?>> observer) {
        named.forEach(observer);
        observers.add(observer);
    }

    /**
     * The cached value, loaded when missing; read through in a transaction that wrote to the cached tables. A value
     * loaded while the caches were dropped is returned to this caller only (it asked before the drop finished).
     */
    public <K, V> V read(Cache<K, V> cache, K key, Function<K, V> load) {
        if (inTransaction() && transactions.getResource(WROTE) != null) {
            return load.apply(key);
        }
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long loadedIn = generation;
        V loaded = load.apply(key);
        if (loaded != null) {
            dropping.readLock().lock();
            try {
                if (generation == loadedIn) {
                    cache.put(key, loaded);
                }
            } finally {
                dropping.readLock().unlock();
            }
        }
        return loaded;
    }

    /** Runs a write, dropping every cache now and when the write's transaction ends. */
    public <T> T write(Supplier<T> write) {
        boolean joined = inTransaction();
        if (joined && transactions.getResource(WROTE) == null) {
            transactions.putResource(WROTE, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    invalidateAll();
                }
            });
        }
        invalidateAll();
        try {
            return write.get();
        } finally {
            if (!joined) {
                // the write ran in a transaction of its own, committed (or not) by now
                invalidateAll();
            }
        }
    }

    public void invalidateAll() {
        dropping.writeLock().lock();
        try {
            generation++;
            caches.forEach(Cache::invalidateAll);
        } finally {
            dropping.writeLock().unlock();
        }
    }

    /**
     * Drops everything when another replica (or anyone) changed tenants, clients or keys since the last call. Asks
     * the database whatever the {@link DatabaseCircuit} says, and tells it what it found: this is how the circuit
     * learns, without waiting for a request, that PostgreSQL is back.
     *
     * @return whether the caches were dropped
     * @throws SQLException when the database cannot be asked; the caches stay as they are
     */
    public synchronized boolean refresh() throws SQLException {
        long current;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select epoch from cache_epoch where id = 1")) {
            if (!rows.next()) {
                throw new SQLException("cache_epoch has no row");
            }
            current = rows.getLong(1);
        } catch (SQLException | RuntimeException e) {
            switch (failures.sign(e)) {
                case UNREACHABLE -> circuit.trip();
                case LOST_CONNECTION -> circuit.connectionLost();
                case NONE -> {
                }
            }
            throw e;
        }
        circuit.close();
        if (current == epoch) {
            return false;
        }
        epoch = current;
        invalidateAll();
        return true;
    }

    private boolean inTransaction() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
