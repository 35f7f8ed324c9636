package dev.tollgate.application.port;

/**
 * Outbound port: tells a failure to reach the database (stopped, restarting, unreachable, no connection to be had in
 * time) from any other fault, so that the inbound side answers "temporarily unavailable" rather than "server error".
 * Only the persistence adapter knows what its failures look like.
 */
public interface DatabaseOutages {

    /** Whether {@code failure}, or one of its causes, says the database could not be reached. */
    boolean isOutage(Throwable failure);
}
