package dev.tollgate.application.token;

import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.RefreshTokenRepository;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.RefreshToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and redeems refresh tokens: 256-bit random values handed out once and stored as keyed digests. Redeeming
 * either hands the same token back or rotates it; presenting a rotated token again revokes its whole family
 * (RFC 9700 §4.14.2), since one of its two holders is not the client.
 */
@Singleton
public class RefreshTokens {

    /** A refresh token as handed out: the value for its holder and what is stored about it. */
    public record Issued(String value, RefreshToken token) {
        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }

    private final RefreshTokenRepository repository;
    private final SecretDigester digester;
    private final RandomValues random;
    private final Transactions transactions;
    private final Clock clock;

    @Inject
    public RefreshTokens(RefreshTokenRepository repository, SecretDigester digester, RandomValues random,
            Transactions transactions, Clock clock) {
        this.repository = repository;
        this.digester = digester;
        this.random = random;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Starts a new family. A zero lifetime means the token lives until it is revoked.
     */
    public Issued issue(Tenant tenant, String clientId, UUID userId, Scope scope, Duration lifetime) {
        return issue(tenant, clientId, userId, scope, lifetime, random.newId());
    }

    /** Starts a new family with an id chosen by the caller, who records it first (see AuthorizationCodes). */
    public Issued issue(Tenant tenant, String clientId, UUID userId, Scope scope, Duration lifetime, UUID familyId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<Instant> expiresAt = lifetime.isZero() ? Optional.empty() : Optional.of(now.plus(lifetime));
        return store(new RefreshToken(random.newId(), tenant.id(), familyId, clientId, userId, scope, now,
                expiresAt, RefreshToken.State.ACTIVE));
    }

    /**
     * The stored token behind {@code presented} when it may be redeemed now. Expired, revoked or unknown tokens, and
     * tokens of another tenant, are {@code invalid_grant}; a reused one also revokes its family.
     */
    public Outcome<RefreshToken> redeemable(Tenant tenant, String presented) {
        Optional<RefreshToken> found = lookup(tenant, presented);
        if (found.isEmpty()) {
            return invalidGrant();
        }
        RefreshToken token = found.get();
        return switch (token.redemption(clock.instant())) {
            case USABLE -> Outcome.success(token);
            case EXPIRED, REVOKED -> invalidGrant();
            case REUSED -> {
                repository.revokeFamily(token.familyId(), clock.instant());
                yield invalidGrant();
            }
        };
    }

    /** The token a presented one names, whatever its state; to attribute a refused call, never to grant one. */
    public Optional<RefreshToken> lookup(Tenant tenant, String presented) {
        if (presented.length() > 512) {
            return Optional.empty();
        }
        return repository.findByDigest(digester.digest(presented)).filter(t -> t.tenantId().equals(tenant.id()));
    }

    /**
     * What the holder of {@code current} gets back: with rotation, a new token of the same family and expiry (the
     * old one is marked rotated in the same transaction); without, the token it presented.
     */
    public Outcome<String> renew(RefreshToken current, String presented, boolean rotate) {
        if (!rotate) {
            return Outcome.success(presented);
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            if (!repository.markRotated(current.id(), clock.instant())) {
                // a parallel refresh with the same token won: one success, and the winner's token stays valid
                return invalidGrant();
            }
            Issued next = store(new RefreshToken(random.newId(), current.tenantId(), current.familyId(),
                    current.clientId(), current.userId(), current.scope(), now,
                    current.expiresAt().filter(at -> at.isAfter(now)), RefreshToken.State.ACTIVE));
            return Outcome.success(next.value());
        });
    }

    private Issued store(RefreshToken token) {
        String value = random.newSecret();
        repository.save(token, digester.digest(value));
        return new Issued(value, token);
    }

    private static <T> Outcome<T> invalidGrant() {
        return Outcome.failure(OAuthError.invalidGrant("The refresh token is invalid, expired or revoked"));
    }
}
