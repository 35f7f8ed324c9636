package dev.tollgate.application.authorization;

import dev.tollgate.application.port.AuthorizationCodeRepository;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.domain.authorization.AuthorizationCode;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues and finds authorization codes: 256-bit random values handed to the client once, stored as keyed digests.
 */
@Singleton
public class AuthorizationCodes {

    /** Longer than any code this service hands out: anything beyond is not worth a digest or a query. */
    static final int MAX_CODE_LENGTH = 512;
    /** Expired codes are deleted now and then, not on every request. */
    private static final long PURGE_EVERY = 256;
    /** Kept a while past expiry, so that a late replay is still recognised as one and revokes what it must. */
    private static final Duration KEEP_EXPIRED = Duration.ofHours(1);

    private final AuthorizationCodeRepository repository;
    private final SecretDigester digester;
    private final RandomValues random;
    private final Clock clock;
    private final AtomicLong issued = new AtomicLong();

    @Inject
    public AuthorizationCodes(AuthorizationCodeRepository repository, SecretDigester digester, RandomValues random,
            Clock clock) {
        this.repository = repository;
        this.digester = digester;
        this.random = random;
        this.clock = clock;
    }

    /** A new code for {@code user}, bound to everything the request named; the value goes to the client only. */
    public String issue(Tenant tenant, AuthorizationRequest request, User user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String value = random.newSecret();
        repository.save(new AuthorizationCode(random.newId(), tenant.id(), request.client().clientId(), user.id(),
                request.redirectUri(), request.scope(), request.challenge(), now, now.plus(AuthorizationCode.LIFETIME),
                Optional.empty()), digester.digest(value));
        if (issued.incrementAndGet() % PURGE_EVERY == 0) {
            repository.purgeExpired(now.minus(KEEP_EXPIRED));
        }
        return value;
    }

    /** The stored code a presented value names, in this tenant, whatever its state. */
    public Optional<AuthorizationCode> find(Tenant tenant, String presented) {
        if (presented.length() > MAX_CODE_LENGTH) {
            return Optional.empty();
        }
        return repository.findByDigest(digester.digest(presented)).filter(code -> code.tenantId().equals(tenant.id()));
    }

    /** See {@link AuthorizationCodeRepository#markRedeemed}. */
    public boolean markRedeemed(AuthorizationCode code, AuthorizationCode.Redemption redemption) {
        return repository.markRedeemed(code.id(), redemption);
    }
}
