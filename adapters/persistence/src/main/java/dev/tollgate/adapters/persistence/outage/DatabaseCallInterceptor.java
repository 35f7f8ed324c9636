package dev.tollgate.adapters.persistence.outage;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a {@link DatabaseCall} through the {@link DatabaseCircuit}. Around {@code @Transactional} (a lower priority
 * runs first), so that a refused call starts no transaction and a failed commit counts. Only the outermost call on a
 * thread asks and reports: the calls it makes belong to it (and would otherwise refuse the probe its own work).
 */
@DatabaseCall
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DatabaseCallInterceptor {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final DatabaseCircuit circuit;
    private final ConnectionFailures failures;

    public DatabaseCallInterceptor(DatabaseCircuit circuit, ConnectionFailures failures) {
        this.circuit = circuit;
        this.failures = failures;
    }

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        int[] depth = DEPTH.get();
        if (depth[0] > 0) {
            return context.proceed();
        }
        DatabaseCircuit.Admission admission = circuit.admit();
        if (admission == DatabaseCircuit.Admission.REFUSED) {
            throw new DatabaseUnavailableException();
        }
        depth[0]++;
        ConnectionFailures.Sign sign = ConnectionFailures.Sign.NONE;
        try {
            return context.proceed();
        } catch (Exception | Error e) {
            sign = failures.sign(e);
            throw e;
        } finally {
            depth[0]--;
            switch (sign) {
                case NONE -> circuit.reached(admission);
                case LOST_CONNECTION -> circuit.lost(admission);
                case UNREACHABLE -> circuit.unreachable(admission);
            }
        }
    }
}
