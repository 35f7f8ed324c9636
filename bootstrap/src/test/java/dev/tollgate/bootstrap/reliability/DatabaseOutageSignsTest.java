package dev.tollgate.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapters.persistence.outage.ConnectionFailures;
import dev.tollgate.adapters.persistence.outage.ConnectionFailures.Sign;
import dev.tollgate.adapters.persistence.outage.DatabaseUnavailableException;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.transaction.xa.XAException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * What an unreachable PostgreSQL looks like, as the outage test and reliability/pg-outage met it, and what it does
 * not: the same wrappers around a constraint violation or a syntax error are real faults.
 */
class DatabaseOutageSignsTest {

    private final ConnectionFailures failures = new ConnectionFailures();

    private static PSQLException refused() {
        return new PSQLException("Connection to 127.0.0.1:5432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    }

    private static PSQLException deadConnection() {
        return new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    }

    @Test
    void aRefusedOrDeadConnectionAsHibernateWrapsIt() {
        assertEquals(Sign.UNREACHABLE,
                failures.sign(new JDBCConnectionException("Unable to acquire JDBC Connection", refused())));
        assertEquals(Sign.LOST_CONNECTION,
                failures.sign(new JDBCConnectionException("JDBC exception executing SQL", deadConnection())));
        assertEquals(Sign.UNREACHABLE, failures.sign(new PersistenceException(refused())));
        assertEquals(Sign.LOST_CONNECTION, failures.sign(
                new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST)));
    }

    @Test
    void aServerStartingFullOrEndingSessions() {
        for (String state : new String[] {"57P03", "53300", "08004", "08001"}) {
            assertEquals(Sign.UNREACHABLE, failures.sign(new RuntimeException(new SQLException("no", state))), state);
        }
        for (String state : new String[] {"57P01", "57P02", "08006", "08003"}) {
            assertEquals(Sign.LOST_CONNECTION, failures.sign(new RuntimeException(new SQLException("gone", state))),
                    state);
        }
    }

    @Test
    void agroalGivingUpOnAConnection() {
        assertEquals(Sign.UNREACHABLE, failures.sign(new SQLException("Sorry, acquisition timeout!")));
        assertEquals(Sign.UNREACHABLE,
                failures.sign(new SQLException("Acquisition timeout while waiting for new connection")));
        assertEquals(Sign.UNREACHABLE, failures.sign(new SQLTransientConnectionException("no connection")));
    }

    /** A connection that died, then no new one: the stronger sign wins. */
    @Test
    void theStrongestSignWins() {
        PSQLException dead = deadConnection();
        dead.setNextException(refused());
        assertEquals(Sign.UNREACHABLE, failures.sign(new JDBCConnectionException("both", dead)));
    }

    /** A commit that lost its connection: Narayana keeps the XA failure as a suppressed exception, not a cause. */
    @Test
    void aCommitThatLostItsConnection() {
        XAException xa = new XAException(XAException.XA_RBROLLBACK);
        xa.initCause(deadConnection());
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertEquals(Sign.LOST_CONNECTION, failures.sign(new QuarkusTransactionException(rollback)));
        assertEquals(Sign.LOST_CONNECTION,
                failures.sign(new ArcUndeclaredThrowableException("Error invoking subclass method", rollback)));
        assertTrue(failures.isOutage(new XAException(XAException.XAER_RMFAIL)));
    }

    @Test
    void aCallRefusedByTheCircuit() {
        assertEquals(Sign.UNREACHABLE, failures.sign(new DatabaseUnavailableException()));
    }

    @Test
    void realFaultsAreNoOutage() {
        assertFalse(failures.isOutage(new ConstraintViolationException("duplicate key",
                new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION), "client_pkey")));
        assertFalse(failures.isOutage(new PersistenceException(new PSQLException("syntax error", PSQLState.SYNTAX_ERROR))));
        assertFalse(failures.isOutage(new IllegalStateException("not a time: class java.lang.String")));
        assertFalse(failures.isOutage(new QuarkusTransactionException(new RollbackException("marked for rollback"))));
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.addSuppressed(second);
        assertFalse(failures.isOutage(second));
    }
}
