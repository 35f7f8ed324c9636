package dev.tollgate.application.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.token.TokenEndpointRules;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.domain.abuse.RateLimit;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.IssuedToken;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token endpoint rate limits per source address and per registered client. */
class RequestRatesTest {

    private static final SourceAddress HERE = SourceAddress.of("203.0.113.1");
    private static final SourceAddress ELSEWHERE = SourceAddress.of("203.0.113.2");

    private TestWorld world;
    private Tenant acme;

    @BeforeEach
    void setUp() {
        world = new TestWorld(new AbuseLimits(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new RateLimit(1, 3)), Optional.of(new RateLimit(2, 5))));
        acme = world.addTenant("acme");
        world.addClient(acme, "backend", "s3cret", "catalog");
    }

    private Outcome<IssuedToken> clientCredentials(String clientId, SourceAddress source) {
        return world.tokenService.answer(new TokenRequest(acme, new ClientCredentials.SecretPost(clientId, "s3cret"),
                Map.of("grant_type", "client_credentials"), TokenRequest.UNKNOWN_ENDPOINT,
                TokenEndpointRules.STANDARD, source)).outcome();
    }

    @Test
    void aClientGetsItsBurstThenWaits() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(Outcome.Success.class, clientCredentials("backend", i % 2 == 0 ? HERE : ELSEWHERE));
        }
        OAuthError refused = assertInstanceOf(Outcome.Failure.class, clientCredentials("backend", ELSEWHERE)).error();
        assertEquals(OAuthError.Cause.THROTTLED, refused.cause());
        assertEquals(Optional.of(1L), refused.retryAfterSeconds());
        world.clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(Outcome.Success.class, clientCredentials("backend", ELSEWHERE));
    }

    @Test
    void aSourceGetsItsBurstWhateverClientsItNames() {
        for (int i = 0; i < 5; i++) {
            // made-up client_ids meet the source limit only
            assertInstanceOf(Outcome.Failure.class, clientCredentials("made-up-" + i, HERE));
        }
        OAuthError refused = assertInstanceOf(Outcome.Failure.class, clientCredentials("backend", HERE)).error();
        assertEquals(OAuthError.Cause.THROTTLED, refused.cause());
        assertInstanceOf(Outcome.Success.class, clientCredentials("backend", ELSEWHERE));
        assertTrue(world.abuseLedger.entries.keySet().stream().noneMatch(key -> key.contains("made-up")),
                "no counter for client_ids nobody registered");
    }

    @Test
    void unknownSourcesAreNotLimitedBySource() {
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(Outcome.Failure.class, clientCredentials("made-up", SourceAddress.UNKNOWN));
        }
        assertTrue(world.requestRates.admit(acme, SourceAddress.UNKNOWN, Optional.empty()).isEmpty());
    }
}
