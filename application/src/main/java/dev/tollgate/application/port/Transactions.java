package dev.tollgate.application.port;

import java.util.function.Supplier;

/** Outbound port: runs a unit of work in one database transaction, so a change and its audit entry land together. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
