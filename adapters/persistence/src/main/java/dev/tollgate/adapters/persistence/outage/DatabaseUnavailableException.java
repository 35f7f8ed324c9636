package dev.tollgate.adapters.persistence.outage;

/** A database call refused without trying, because the database was found unreachable moments ago. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException() {
        super("the database was unreachable moments ago: failing fast until it answers again", null, false, false);
    }
}
