package dev.tollgate.application.abuse;

import dev.tollgate.domain.abuse.FailureLimit;
import dev.tollgate.domain.abuse.RateLimit;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's abuse limits; an absent one is off.
 *
 * @param failedLogins        failed password checks per login (username or email) of a tenant
 * @param failedClientAuths   failed client authentications per client_id of a tenant
 * @param failuresPerSource   failed attempts of either kind per tenant and source address
 * @param requestsPerClient   token requests per registered client
 * @param requestsPerSource   token requests per source address
 */
public record AbuseLimits(Optional<FailureLimit> failedLogins, Optional<FailureLimit> failedClientAuths,
        Optional<FailureLimit> failuresPerSource, Optional<RateLimit> requestsPerClient,
        Optional<RateLimit> requestsPerSource) {

    public static final AbuseLimits NONE = new AbuseLimits(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public AbuseLimits {
        Objects.requireNonNull(failedLogins, "failedLogins");
        Objects.requireNonNull(failedClientAuths, "failedClientAuths");
        Objects.requireNonNull(failuresPerSource, "failuresPerSource");
        Objects.requireNonNull(requestsPerClient, "requestsPerClient");
        Objects.requireNonNull(requestsPerSource, "requestsPerSource");
    }
}
