package dev.tollgate.application.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validity in time: exp, a future iat and nbf, with the clock skew replicas may have between them. */
class VerifiedAccessTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static VerifiedAccessToken token(Instant issuedAt, Instant expiresAt, Map<String, Object> others) {
        return new VerifiedAccessToken("https://id.example.com/auth/realms/acme", "backend", List.of("aud"), issuedAt,
                expiresAt, "jti-1", "backend", Scope.EMPTY, others);
    }

    @Test
    void validBetweenIssueAndExpiry() {
        assertTrue(token(NOW.minusSeconds(10), NOW.plusSeconds(10), Map.of()).isValidAt(NOW));
        assertFalse(token(NOW.minusSeconds(20), NOW, Map.of()).isValidAt(NOW));
    }

    @Test
    void anIatAheadByMoreThanTheSkewIsNotTollgates() {
        Duration skew = VerifiedAccessToken.CLOCK_SKEW;
        assertTrue(token(NOW.plus(skew), NOW.plusSeconds(3600), Map.of()).isValidAt(NOW));
        assertFalse(token(NOW.plus(skew).plusSeconds(1), NOW.plusSeconds(3600), Map.of()).isValidAt(NOW));
    }

    @Test
    void notBeforeItsNbf() {
        Instant iat = NOW.minusSeconds(10);
        Instant exp = NOW.plusSeconds(3600);
        assertTrue(token(iat, exp, Map.of("nbf", NOW.getEpochSecond())).isValidAt(NOW));
        assertFalse(token(iat, exp, Map.of("nbf", NOW.plusSeconds(600).getEpochSecond())).isValidAt(NOW));
        assertFalse(token(iat, exp, Map.of("nbf", "soon")).isValidAt(NOW), "an nbf that is no number: never");
    }
}
