package dev.tollgate.application.port;

import java.util.UUID;

/** Outbound port: identifiers and secrets from a cryptographically strong source. */
public interface RandomValues {

    /** A new client secret: at least 256 bits of randomness, URL-safe. */
    String newSecret();

    /** A token id ({@code jti}): unique, unguessable. */
    String newTokenId();

    UUID newId();
}
