package dev.tollgate.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapters.persistence.outage.ConnectionFailures;
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
        assertTrue(failures.isOutage(new JDBCConnectionException("Unable to acquire JDBC Connection", refused())));
        assertTrue(failures.isOutage(new JDBCConnectionException("JDBC exception executing SQL", deadConnection())));
        assertTrue(failures.isOutage(new PersistenceException(refused())));
    }

    @Test
    void aServerShuttingDownStartingOrFull() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300", "08004"}) {
            assertTrue(failures.isOutage(new RuntimeException(new SQLException("server says no", state))), state);
        }
    }

    @Test
    void agroalGivingUpOnAConnection() {
        assertTrue(failures.isOutage(new SQLException("Sorry, acquisition timeout!")));
        assertTrue(failures.isOutage(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(failures.isOutage(new SQLTransientConnectionException("no connection")));
    }

    /** A commit that lost its connection: Narayana keeps the XA failure as a suppressed exception, not a cause. */
    @Test
    void aCommitThatLostItsConnection() {
        XAException xa = new XAException(XAException.XA_RBROLLBACK);
        xa.initCause(deadConnection());
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(failures.isOutage(new QuarkusTransactionException(rollback)));
        assertTrue(failures.isOutage(new ArcUndeclaredThrowableException("Error invoking subclass method", rollback)));
        assertTrue(failures.isOutage(new XAException(XAException.XAER_RMFAIL)));
    }

    @Test
    void aCallRefusedByTheCircuit() {
        assertTrue(failures.isOutage(new DatabaseUnavailableException()));
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
