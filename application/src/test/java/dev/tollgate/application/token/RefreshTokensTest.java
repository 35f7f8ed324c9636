package dev.tollgate.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.RefreshToken;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    private final TestWorld world = new TestWorld();
    private final Tenant acme = world.addTenant("acme");

    @Test
    void onlyADigestIsStored() {
        RefreshTokens.Issued issued = world.refreshTokens.issue(acme, "c", UUID.randomUUID(), Scope.EMPTY,
                Duration.ofHours(1));
        assertFalse(world.refreshTokenStore.byDigest.containsKey(issued.value()));
        assertTrue(world.refreshTokenStore.byDigest.containsKey(world.digester.digest(issued.value())));
        assertFalse(issued.toString().contains(issued.value()));
    }

    @Test
    void aZeroLifetimeMeansUntilRevoked() {
        RefreshTokens.Issued issued = world.refreshTokens.issue(acme, "c", UUID.randomUUID(), Scope.EMPTY,
                Duration.ZERO);
        assertTrue(issued.token().expiresAt().isEmpty());
        world.clock.advance(Duration.ofDays(3650));
        assertInstanceOf(Outcome.Success.class, world.refreshTokens.redeemable(acme, issued.value()));
    }

    @Test
    void theLoserOfAParallelRotationIsRefusedWithoutRevokingTheWinner() {
        RefreshTokens.Issued issued = world.refreshTokens.issue(acme, "c", UUID.randomUUID(), Scope.EMPTY,
                Duration.ofHours(1));
        RefreshToken seenByBoth = ((Outcome.Success<RefreshToken>) world.refreshTokens.redeemable(acme,
                issued.value())).value();
        Outcome<String> winner = world.refreshTokens.renew(seenByBoth, issued.value(), true);
        Outcome<String> loser = world.refreshTokens.renew(seenByBoth, issued.value(), true);
        String next = ((Outcome.Success<String>) winner).value();
        assertInstanceOf(Outcome.Failure.class, loser);
        assertInstanceOf(Outcome.Success.class, world.refreshTokens.redeemable(acme, next));
        RefreshToken renewed = ((Outcome.Success<RefreshToken>) world.refreshTokens.redeemable(acme, next)).value();
        assertEquals(seenByBoth.familyId(), renewed.familyId());
        assertEquals(seenByBoth.expiresAt(), renewed.expiresAt());
    }

    @Test
    void anOverlongTokenIsNotLookedUp() {
        assertInstanceOf(Outcome.Failure.class, world.refreshTokens.redeemable(acme, "x".repeat(10_000)));
    }
}
