package dev.tollgate.adapters.persistence.outage;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fails fast while PostgreSQL is away. Measured under load with the database stopped (reliability/pg-outage): every
 * request that needed it held a worker thread 1 to 7 s (Agroal makes concurrent acquirers wait for one another, up to
 * a second each, before each tries a connection of its own), so threads piled up and cached client_credentials
 * requests queued behind them. Once a call found the database unreachable (no new connection to be had), calls are
 * refused at once for {@code tollgate.database.fail-fast-for} (default 2 s); then one call goes through as a probe: if
 * it reaches the database the circuit closes, otherwise it opens again. The cache epoch check, every second, reports
 * too, so the circuit closes within about a second of PostgreSQL's return even without traffic. {@code 0} turns it
 * off.
 *
 * <p>A connection that died (the server restarted, or stopped) says nothing yet about the next one, so it does not
 * open the circuit; but the other pooled connections are as suspect, and are dropped (idle ones at once, busy ones when
 * returned, at most once a second) rather than failing a request each, or, with a hung server, holding a thread each
 * until the socket timeout. Opening the circuit drops them too.
 *
 * <p>Not SmallRye Fault Tolerance's breaker: its extension is not in the registry this project builds from, and its
 * rolling window would first let a window's worth of requests wait for the pool.
 */
@ApplicationScoped
public class DatabaseCircuit {

    private static final Logger LOG = Logger.getLogger(DatabaseCircuit.class);

    /** What {@link #admit()} answered: go ahead (possibly as the one probe), or refused. */
    public enum Admission {
        CLOSED, PROBE, REFUSED
    }

    private static final long DROP_AT_MOST_EVERY_NANOS = 1_000_000_000L;

    private final long openForNanos;
    private final LongSupplier nanoTime;
    private final Runnable dropPooledConnections;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicLong lastDrop;
    private volatile boolean open;
    private volatile long openUntil;

    @Inject
    public DatabaseCircuit(@ConfigProperty(name = "tollgate.database.fail-fast-for", defaultValue = "2S") Duration openFor,
            AgroalDataSource dataSource) {
        this(openFor, System::nanoTime, () -> dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL));
    }

    public DatabaseCircuit(Duration openFor, LongSupplier nanoTime, Runnable dropPooledConnections) {
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
        this.dropPooledConnections = dropPooledConnections;
        this.lastDrop = new AtomicLong(nanoTime.getAsLong() - DROP_AT_MOST_EVERY_NANOS);
    }

    /** Whether a database call may go ahead now; at most one at a time once the open period is over. */
    public Admission admit() {
        if (!open || openForNanos == 0) {
            return Admission.CLOSED;
        }
        if (nanoTime.getAsLong() - openUntil < 0) {
            return Admission.REFUSED;
        }
        return probing.compareAndSet(false, true) ? Admission.PROBE : Admission.REFUSED;
    }

    /**
     * The call admitted as {@code admission} reached the database (whatever it answered). A probe's success closes
     * the circuit; another call's does not, as it may have been admitted before the database went away.
     */
    public void reached(Admission admission) {
        if (admission == Admission.PROBE) {
            close();
            probing.set(false);
        }
    }

    /** The call admitted as {@code admission} found the database unreachable: open (again) for the whole period. */
    public void unreachable(Admission admission) {
        trip();
        if (admission == Admission.PROBE) {
            probing.set(false);
        }
    }

    /** The call admitted as {@code admission} lost its connection: the pooled ones go, the circuit stays as it is. */
    public void lost(Admission admission) {
        connectionLost();
        if (admission == Admission.PROBE) {
            probing.set(false);
        }
    }

    /** A pooled connection died: drop the others (at most once a second). */
    public void connectionLost() {
        long now = nanoTime.getAsLong();
        long last = lastDrop.get();
        if (now - last >= DROP_AT_MOST_EVERY_NANOS && lastDrop.compareAndSet(last, now)) {
            LOG.info("A database connection died: dropping the pooled ones");
            dropPooledConnections.run();
        }
    }

    /** The database answered outside any admitted call (the cache epoch check). */
    public void close() {
        if (open) {
            open = false;
            LOG.info("Database reachable again: database calls go ahead");
        }
    }

    /** The database could not be reached: refuse calls for the open period. */
    public void trip() {
        if (openForNanos == 0) {
            return;
        }
        openUntil = nanoTime.getAsLong() + openForNanos;
        if (!open) {
            open = true;
            LOG.warnf("Database unreachable: database calls fail fast for %d ms at a time until it answers again",
                    openForNanos / 1_000_000);
            connectionLost();
        }
    }

    public boolean isOpen() {
        return open;
    }
}
