package dev.tollgate.domain.tenant;

import java.util.Arrays;
import java.util.Optional;

/** JWS algorithms a tenant may sign its access tokens with. RS256 is what existing callers verify. */
public enum SigningAlgorithm {
    RS256,
    ES256;

    public static Optional<SigningAlgorithm> parse(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }
}
