package dev.tollgate.adapters.persistence.outage;

import dev.tollgate.application.port.DatabaseOutages;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import javax.transaction.xa.XAException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * What PostgreSQL being away looks like from here, as observed by stopping it under the outage test
 * ({@code DatabaseOutageTest}): a pooled connection that died answers {@code 08006} ("An I/O error occurred while
 * sending to the backend"), a new one is refused with {@code 08001}, both wrapped by Hibernate in a
 * {@link JDBCConnectionException}; a fast shutdown ends sessions with {@code 57P01}, a server starting or stopping
 * refuses with {@code 57P03}; a full server with {@code 53300}. Agroal's own acquisition timeout (no connection within
 * {@code quarkus.datasource.jdbc.acquisition-timeout}) carries no SQLState. A commit that lost its connection ends in
 * Narayana's RollbackException (wrapped by QuarkusTransaction or by ArC), which keeps the XAException, and under it the
 * SQL exception, as a suppressed exception rather than a cause. A call the {@link DatabaseCircuit} refused says so.
 */
@ApplicationScoped
public class ConnectionFailures implements DatabaseOutages {

    /** Enough for any real chain; a pathological one is not an outage. */
    private static final int MAXIMUM_LOOKED_AT = 64;

    /** SQLStates beyond class 08 (connection exception) that mean "the server is not there for us right now". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of(
            "57P01", // admin_shutdown: a fast or smart shutdown ended the session
            "57P02", // crash_shutdown: another backend crashed, the server restarts
            "57P03", // cannot_connect_now: starting up, shutting down, in recovery
            "53300"); // too_many_connections

    /** Causes, suppressed exceptions and chained SQL exceptions are all looked at, each once. */
    @Override
    public boolean isOutage(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty() && seen.size() < MAXIMUM_LOOKED_AT) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (signalsOutage(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(Arrays.asList(next.getSuppressed()));
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return false;
    }

    private static boolean signalsOutage(Throwable cause) {
        return switch (cause) {
            case DatabaseUnavailableException failingFast -> true;
            case JDBCConnectionException connection -> true;
            case SQLTransientConnectionException transientConnection -> true;
            case SQLNonTransientConnectionException lostConnection -> true;
            case SQLException sql -> unavailableState(sql.getSQLState()) || acquisitionTimeout(sql);
            case XAException xa -> xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL;
            default -> false;
        };
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    /** Agroal's "Sorry, acquisition timeout!" and "Acquisition timeout while waiting for new connection". */
    private static boolean acquisitionTimeout(SQLException e) {
        String message = e.getMessage();
        return e.getSQLState() == null && message != null
                && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
