package dev.tollgate.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.domain.scope.Scope;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokenClaimsTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aTokenMustExpireAfterItIsIssued() {
        assertThrows(IllegalArgumentException.class, () -> claims(T, T, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> claims(T, T.minusSeconds(1), Map.of()));
        assertEquals(T.plusSeconds(1), claims(T, T.plusSeconds(1), Map.of()).expiresAt());
    }

    @Test
    void extraClaimsAreCopied() {
        Map<String, Object> extra = new HashMap<>(Map.of("a", 1));
        AccessTokenClaims claims = claims(T, T.plusSeconds(60), extra);
        extra.put("b", 2);
        assertEquals(Map.of("a", 1), claims.extra());
    }

    private static AccessTokenClaims claims(Instant iat, Instant exp, Map<String, Object> extra) {
        return new AccessTokenClaims("iss", "sub", "aud", iat, exp, "jti", "client", Scope.EMPTY, "acme", extra);
    }
}
