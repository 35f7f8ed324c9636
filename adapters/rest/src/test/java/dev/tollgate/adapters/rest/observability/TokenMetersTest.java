package dev.tollgate.adapters.rest.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.adapters.rest.observability.TokenMeters.Dialect;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.deprecation.LegacySurface;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TokenMeters meters = new TokenMeters(registry);

    @Test
    void theTokenPathsNameTheirDialectAndNoOtherPathHasOne() {
        assertEquals(Optional.of(Dialect.REALM), Dialect.ofTokenPath("/auth/realms/acme/protocol/openid-connect/token"));
        assertEquals(Optional.of(Dialect.REALM),
                Dialect.ofTokenPath("/auth/realms/{tenant}/protocol/openid-connect/token"));
        assertEquals(Optional.of(Dialect.OAUTH), Dialect.ofTokenPath("/oauth/token/"));
        assertEquals(Optional.of(Dialect.MOLTIN), Dialect.ofTokenPath("/oauth/access_token"));
        assertEquals(Optional.of(Dialect.V0), Dialect.ofTokenPath("/v0/refresh_token"));
        assertEquals(Optional.of(Dialect.CUSTOMER), Dialect.ofTokenPath("/v2/customers/tokens"));
        assertEquals(Optional.empty(), Dialect.ofTokenPath("/auth/realms/acme/protocol/openid-connect/token/introspect"));
        assertEquals(Optional.empty(), Dialect.ofTokenPath("/oauth/authorize"));
        assertEquals(Optional.empty(), Dialect.ofTokenPath(null));
    }

    @Test
    void refusalsAreCountedByCodeAndReason() {
        meters.refused(Dialect.REALM, OAuthError.tooManyRequests(Duration.ofSeconds(3)));
        meters.refused(Dialect.REALM, OAuthError.tooManyFailedAttempts(Duration.ofSeconds(3)));
        meters.refused(Dialect.REALM, OAuthError.of(OAuthErrorCode.TEMPORARILY_UNAVAILABLE, "down"));
        meters.refused(Dialect.V0, OAuthError.invalidClient());
        meters.refused(Dialect.V0, OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, TokenMeters.Reason.DEPRECATED);

        assertEquals(2, refusals("realm", "temporarily_unavailable", "throttled"));
        assertEquals(1, refusals("realm", "temporarily_unavailable", "unavailable"));
        assertEquals(1, refusals("v0", "invalid_client", "refused"));
        assertEquals(1, refusals("v0", "unsupported_grant_type", "deprecated"));
        assertEquals(4, registry.find(TokenMeters.REFUSED).counters().size(), "one counter per label set");
    }

    @Test
    void issuedTokensAreCountedByDialectTenantAndGrantType() {
        for (int i = 0; i < 3; i++) {
            meters.issued(Dialect.OAUTH, "acme", "client_credentials");
        }
        meters.issued(Dialect.MOLTIN, "acme", "implicit");
        assertEquals(3, registry.get(TokenMeters.ISSUED).tags("dialect", "oauth", "tenant", "acme",
                "grant_type", "client_credentials").counter().count());
        assertEquals(1, registry.get(TokenMeters.ISSUED).tags("dialect", "moltin", "tenant", "acme",
                "grant_type", "implicit").counter().count());
        assertEquals(2, registry.find(TokenMeters.ISSUED).counters().size());
    }

    @Test
    void legacyCallsAreCountedBySurfaceAndOutcome() {
        MeteredLegacyCalls calls = new MeteredLegacyCalls(registry);
        calls.called(LegacySurface.V0_TOKEN, false);
        calls.called(LegacySurface.V0_TOKEN, true);
        calls.called(LegacySurface.V0_TOKEN, true);
        assertEquals(1, registry.get(MeteredLegacyCalls.NAME).tags("surface", "v0_token", "outcome", "served")
                .counter().count());
        assertEquals(2, registry.get(MeteredLegacyCalls.NAME).tags("surface", "v0_token", "outcome", "refused")
                .counter().count());
        assertEquals(0, registry.get(MeteredLegacyCalls.NAME).tags("surface", "implicit", "outcome", "served")
                .counter().count());
    }

    private double refusals(String dialect, String error, String reason) {
        return registry.get(TokenMeters.REFUSED).tags("dialect", dialect, "error", error, "reason", reason)
                .counter().count();
    }
}
