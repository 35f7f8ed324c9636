package dev.tollgate.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapters.persistence.outage.DatabaseCircuit;
import dev.tollgate.adapters.persistence.outage.DatabaseCircuit.Admission;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The fail-fast circuit around database calls, on a clock the test moves. */
class DatabaseOutageCircuitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger drops = new AtomicInteger();
    private final DatabaseCircuit circuit = new DatabaseCircuit(Duration.ofSeconds(2), now::get, drops::incrementAndGet);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void closedUntilTheDatabaseIsFoundUnreachable() {
        assertEquals(Admission.CLOSED, circuit.admit());
        circuit.reached(Admission.CLOSED);
        assertEquals(Admission.CLOSED, circuit.admit());
        assertFalse(circuit.isOpen());
    }

    @Test
    void refusesForThePeriodThenLetsOneProbeThrough() {
        circuit.unreachable(circuit.admit());
        assertTrue(circuit.isOpen());
        assertEquals(Admission.REFUSED, circuit.admit());
        advance(Duration.ofMillis(1999));
        assertEquals(Admission.REFUSED, circuit.admit());
        advance(Duration.ofMillis(1));
        assertEquals(Admission.PROBE, circuit.admit());
        // one probe at a time: the others are refused while it runs
        assertEquals(Admission.REFUSED, circuit.admit());
        assertEquals(Admission.REFUSED, circuit.admit());
    }

    @Test
    void aProbeThatReachesTheDatabaseClosesIt() {
        circuit.trip();
        advance(Duration.ofSeconds(2));
        Admission probe = circuit.admit();
        assertEquals(Admission.PROBE, probe);
        circuit.reached(probe);
        assertFalse(circuit.isOpen());
        assertEquals(Admission.CLOSED, circuit.admit());
    }

    @Test
    void aProbeThatFailsOpensItForAnotherPeriod() {
        circuit.trip();
        advance(Duration.ofSeconds(3));
        Admission probe = circuit.admit();
        circuit.unreachable(probe);
        assertEquals(Admission.REFUSED, circuit.admit());
        advance(Duration.ofMillis(1999));
        assertEquals(Admission.REFUSED, circuit.admit());
        advance(Duration.ofMillis(1));
        assertEquals(Admission.PROBE, circuit.admit());
    }

    @Test
    void aCallAdmittedBeforeTheOutageDoesNotCloseIt() {
        Admission early = circuit.admit();
        circuit.trip();
        circuit.reached(early);
        assertTrue(circuit.isOpen(), "only a probe, or the cache epoch check, may say the database is back");
        assertEquals(Admission.REFUSED, circuit.admit());
    }

    @Test
    void theCacheEpochCheckClosesItWithoutWaitingForARequest() {
        circuit.trip();
        circuit.close();
        assertEquals(Admission.CLOSED, circuit.admit());
    }

    @Test
    void aZeroPeriodTurnsItOff() {
        DatabaseCircuit off = new DatabaseCircuit(Duration.ZERO, now::get, drops::incrementAndGet);
        off.trip();
        off.unreachable(off.admit());
        assertFalse(off.isOpen());
        assertEquals(Admission.CLOSED, off.admit());
    }

    @Test
    void aLostConnectionDropsThePooledOnesButLetsCallsGoOn() {
        circuit.lost(circuit.admit());
        assertEquals(1, drops.get());
        assertFalse(circuit.isOpen(), "a new connection may well work: the server may be back already");
        assertEquals(Admission.CLOSED, circuit.admit());
        // every request that held one of the dead connections says so: the pool is dropped once a second at most
        circuit.lost(Admission.CLOSED);
        circuit.connectionLost();
        assertEquals(1, drops.get());
        advance(Duration.ofSeconds(1));
        circuit.connectionLost();
        assertEquals(2, drops.get());
    }

    @Test
    void openingDropsThePooledConnections() {
        circuit.trip();
        assertEquals(1, drops.get());
        advance(Duration.ofSeconds(3));
        circuit.unreachable(circuit.admit());
        assertEquals(1, drops.get(), "already open: nothing new to drop");
    }

    @Test
    void aProbeThatLostItsConnectionLetsTheNextOneTry() {
        circuit.trip();
        advance(Duration.ofSeconds(2));
        Admission probe = circuit.admit();
        circuit.lost(probe);
        assertTrue(circuit.isOpen());
        assertEquals(Admission.PROBE, circuit.admit());
    }
}
