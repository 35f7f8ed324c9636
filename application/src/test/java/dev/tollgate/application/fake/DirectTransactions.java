package dev.tollgate.application.fake;

import dev.tollgate.application.port.Transactions;
import java.util.function.Supplier;

/** The fakes have nothing to roll back. */
public final class DirectTransactions implements Transactions {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
