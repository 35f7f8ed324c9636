package dev.tollgate.application.abuse;

import dev.tollgate.application.port.AbuseLedger;
import dev.tollgate.domain.abuse.FailureLimit;
import dev.tollgate.domain.abuse.FailureRecord;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Brute-force protection: failed password checks per login, failed client authentications per client_id, and both
 * per tenant and source address, each locked for a while once too many. A locked attempt is refused before any
 * secret is checked, and a login is locked whether or not such a user exists, so a lock reveals nothing.
 */
@Singleton
public class Lockouts {

    /** What failed attempts are counted against, besides the source address. */
    public sealed interface Subject {

        /** A username or email as typed: unknown users lock like known ones. */
        record Login(String login) implements Subject {
        }

        /** A client_id, registered or not. */
        record ClientId(String clientId) implements Subject {
        }
    }

    private final AbuseLedger ledger;
    private final AbuseLimits limits;
    private final Clock clock;

    @Inject
    public Lockouts(AbuseLedger ledger, AbuseLimits limits, Clock clock) {
        this.ledger = ledger;
        this.limits = limits;
        this.clock = clock;
    }

    /** How long attempts of {@code subject} from {@code source} are still refused, if they are. */
    public Optional<Duration> lockedFor(Tenant tenant, SourceAddress source, Subject subject) {
        // on every token request: plain code, no streams
        Instant now = clock.instant();
        Optional<Duration> bySubject = lockedFor(subjectCounter(tenant, subject), now);
        Optional<Duration> bySource = lockedFor(sourceCounter(tenant, source), now);
        if (bySubject.isEmpty() || bySource.isEmpty()) {
            return bySubject.isPresent() ? bySubject : bySource;
        }
        return bySubject.get().compareTo(bySource.get()) >= 0 ? bySubject : bySource;
    }

    private Optional<Duration> lockedFor(Optional<Counter> counter, Instant now) {
        return counter.isEmpty()
                ? Optional.empty()
                : ledger.read(counter.get().key(), FailureRecord.class).flatMap(record -> record.lockedFor(now));
    }

    /** One more failed attempt of {@code subject} from {@code source}. */
    public void failed(Tenant tenant, SourceAddress source, Subject subject) {
        Instant now = clock.instant();
        subjectCounter(tenant, subject).ifPresent(counter -> counter.fail(ledger, now));
        sourceCounter(tenant, source).ifPresent(counter -> counter.fail(ledger, now));
    }

    /** A successful attempt: the subject's failures are forgiven (the source's are not: one good account is enough to reset them otherwise). */
    public void succeeded(Tenant tenant, Subject subject) {
        subjectCounter(tenant, subject).ifPresent(counter -> {
            if (ledger.read(counter.key(), FailureRecord.class).isPresent()) {
                ledger.update(counter.key(), FailureRecord.class, current -> null);
            }
        });
    }

    private record Counter(String key, FailureLimit limit) {

        void fail(AbuseLedger ledger, Instant now) {
            ledger.update(key, FailureRecord.class, current -> current == null
                    ? FailureRecord.first(now, limit)
                    : current.afterFailure(now, limit));
        }
    }

    private Optional<Counter> subjectCounter(Tenant tenant, Subject subject) {
        String scope = tenant.id().toString();
        return switch (subject) {
            case Subject.Login login -> limits.failedLogins().map(limit -> new Counter(
                    LedgerKeys.of("login", scope, login.login().toLowerCase(Locale.ROOT)), limit));
            case Subject.ClientId client -> limits.failedClientAuths().map(limit -> new Counter(
                    LedgerKeys.of("client-auth", scope, client.clientId()), limit));
        };
    }

    private Optional<Counter> sourceCounter(Tenant tenant, SourceAddress source) {
        if (source.equals(SourceAddress.UNKNOWN)) {
            return Optional.empty();
        }
        return limits.failuresPerSource().map(limit -> new Counter(
                LedgerKeys.of("failures", tenant.id().toString(), source.value()), limit));
    }
}
