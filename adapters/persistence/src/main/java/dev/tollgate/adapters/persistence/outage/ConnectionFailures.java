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
 * What PostgreSQL being away looks like from here, as met by stopping it under the service ({@code DatabaseOutageTest},
 * {@code reliability/pg-outage}). Two signs, because they call for different responses:
 * <ul>
 *   <li>{@link Sign#LOST_CONNECTION}: a connection we held died: {@code 08006} ("An I/O error occurred while sending
 *   to the backend"), {@code 08003} ("This connection has been closed"), {@code 57P01} (a fast shutdown ended the
 *   session), {@code 57P02}; or a commit failed for it, which Narayana reports as a RollbackException keeping the
 *   XAException (and under it the SQL exception) as a suppressed exception, not as a cause. The server may be back
 *   already (a quick restart): the other pooled connections are suspect, but a new one may well work.</li>
 *   <li>{@link Sign#UNREACHABLE}: no new connection could be had: {@code 08001} (refused, or "Connection attempt timed
 *   out" after {@code loginTimeout}), {@code 08004}, {@code 57P03} (starting up, shutting down), {@code 53300} (full),
 *   Agroal's acquisition timeout (no SQLState), or a call the {@link DatabaseCircuit} refused.</li>
 * </ul>
 * Hibernate wraps either in a {@link JDBCConnectionException}; ArC and QuarkusTransaction wrap them again.
 */
@ApplicationScoped
public class ConnectionFailures implements DatabaseOutages {

    /** How a failure involves the database's reach, strongest last. */
    public enum Sign {
        NONE, LOST_CONNECTION, UNREACHABLE
    }

    /** Enough for any real chain; a pathological one is not an outage. */
    private static final int MAXIMUM_LOOKED_AT = 64;

    private static final Set<String> UNREACHABLE_STATES = Set.of(
            "08001", // sqlclient_unable_to_establish_sqlconnection: refused, timed out
            "08004", // sqlserver_rejected_establishment_of_sqlconnection
            "57P03", // cannot_connect_now: starting up, shutting down, in recovery
            "53300"); // too_many_connections

    private static final Set<String> LOST_STATES = Set.of(
            "57P01", // admin_shutdown: a fast or smart shutdown ended the session
            "57P02"); // crash_shutdown: another backend crashed, the server restarts

    @Override
    public boolean isOutage(Throwable failure) {
        return sign(failure) != Sign.NONE;
    }

    /** The strongest sign among the failure, its causes, suppressed and chained SQL exceptions (each looked at once). */
    public Sign sign(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        Sign strongest = Sign.NONE;
        while (!pending.isEmpty() && seen.size() < MAXIMUM_LOOKED_AT) {
            Throwable next = pending.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            Sign sign = signOf(next);
            if (sign.compareTo(strongest) > 0) {
                strongest = sign;
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(Arrays.asList(next.getSuppressed()));
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return strongest;
    }

    private static Sign signOf(Throwable failure) {
        return switch (failure) {
            case DatabaseUnavailableException failingFast -> Sign.UNREACHABLE;
            case JDBCConnectionException connection -> Sign.LOST_CONNECTION;
            case SQLTransientConnectionException transientConnection -> Sign.UNREACHABLE;
            case SQLNonTransientConnectionException lostConnection -> Sign.LOST_CONNECTION;
            case SQLException sql -> signOf(sql);
            case XAException xa -> xa.errorCode == XAException.XAER_RMFAIL || xa.errorCode == XAException.XA_RBCOMMFAIL
                    ? Sign.LOST_CONNECTION : Sign.NONE;
            default -> Sign.NONE;
        };
    }

    private static Sign signOf(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            return acquisitionTimeout(sql) ? Sign.UNREACHABLE : Sign.NONE;
        }
        if (UNREACHABLE_STATES.contains(state)) {
            return Sign.UNREACHABLE;
        }
        return state.startsWith("08") || LOST_STATES.contains(state) ? Sign.LOST_CONNECTION : Sign.NONE;
    }

    /** Agroal's "Sorry, acquisition timeout!" and "Acquisition timeout while waiting for new connection". */
    private static boolean acquisitionTimeout(SQLException e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
