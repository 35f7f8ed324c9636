package dev.tollgate.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.domain.scope.Scope;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final Instant ISSUED = Instant.parse("2026-11-24T10:00:00Z");

    private static RefreshToken token(Optional<Instant> expiresAt, RefreshToken.State state) {
        return new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "legacy-v0",
                UUID.randomUUID(), Scope.EMPTY, ISSUED, expiresAt, state);
    }

    @Test
    void anActiveTokenIsUsableUntilItExpires() {
        RefreshToken token = token(Optional.of(ISSUED.plusSeconds(100)), RefreshToken.State.ACTIVE);
        assertEquals(RefreshToken.Redemption.USABLE, token.redemption(ISSUED.plusSeconds(99)));
        assertEquals(RefreshToken.Redemption.EXPIRED, token.redemption(ISSUED.plusSeconds(100)));
    }

    @Test
    void aTokenWithoutExpiryLivesUntilRevoked() {
        assertEquals(RefreshToken.Redemption.USABLE,
                token(Optional.empty(), RefreshToken.State.ACTIVE).redemption(ISSUED.plusSeconds(10_000_000)));
        assertEquals(RefreshToken.Redemption.REVOKED,
                token(Optional.empty(), RefreshToken.State.REVOKED).redemption(ISSUED));
    }

    @Test
    void presentingARotatedTokenIsAReuseEvenWhenExpired() {
        RefreshToken token = token(Optional.of(ISSUED.plusSeconds(1)), RefreshToken.State.ROTATED);
        assertEquals(RefreshToken.Redemption.REUSED, token.redemption(ISSUED.plusSeconds(5)));
    }

    @Test
    void aTokenExpiresAfterItIsIssued() {
        assertThrows(IllegalArgumentException.class, () -> token(Optional.of(ISSUED), RefreshToken.State.ACTIVE));
    }
}
