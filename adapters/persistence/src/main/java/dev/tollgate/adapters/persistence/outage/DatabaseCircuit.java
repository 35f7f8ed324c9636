package dev.tollgate.adapters.persistence.outage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fails fast while PostgreSQL is away. Measured under load with the database stopped (reliability/pg-outage): every
 * request that needed it held a worker thread 1 to 7 s (Agroal makes concurrent acquirers wait for one another, up to
 * a second each, before each tries a connection of its own), so threads piled up and cached client_credentials
 * requests queued behind them. Once a call found the database unreachable, calls are refused at once for
 * {@code tollgate.database.fail-fast-for} (default 2 s); then one call goes through as a probe: if it reaches the
 * database the circuit closes, otherwise it opens again. The cache epoch check, every second, reports too, so the
 * circuit closes within about a second of PostgreSQL's return even without traffic. {@code 0} turns it off.
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

    private final long openForNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean open;
    private volatile long openUntil;

    @Inject
    public DatabaseCircuit(@ConfigProperty(name = "tollgate.database.fail-fast-for", defaultValue = "2S") Duration openFor) {
        this(openFor, System::nanoTime);
    }

    public DatabaseCircuit(Duration openFor, LongSupplier nanoTime) {
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
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
        }
    }

    public boolean isOpen() {
        return open;
    }
}
