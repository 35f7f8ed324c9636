package dev.tollgate.adapters.persistence.audit;

import dev.tollgate.adapters.persistence.outage.DatabaseCall;
import dev.tollgate.application.port.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/** One JTA transaction around a unit of work; repositories' own @Transactional methods join it. */
@ApplicationScoped
@DatabaseCall
public class NarayanaTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }
}
