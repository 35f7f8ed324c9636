package dev.tollgate.bootstrap.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.application.port.SecretDigester;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, races: N refreshes of one refresh token released at once, over real HTTP, at {@code /oauth/token} and
 * {@code /v0/refresh_token}. Exactly one wins and gets a new token, the others are refused in the dialect's shape,
 * nothing answers 5xx, and the family left in the database is one of the two consistent outcomes:
 * <ul>
 * <li>every loser lost the conditional update while the winner's transaction was open: the presented token is
 * rotated, the winner's one is the family's only active token and works exactly once;</li>
 * <li>a loser read the token after the winner committed, i.e. presented a replaced token: reuse detection revoked the
 * whole family (RFC 9700 §4.14.2), the winner's token included.</li>
 * </ul>
 * Never two active tokens in a family, never a second new token (no double issue).
 */
@QuarkusTest
class RefreshTokenRaceTest {

    private static final Logger LOG = Logger.getLogger(RefreshTokenRaceTest.class);
    private static final int PARALLEL = 24;
    private static final int ROUNDS = 3;
    private static final int REPLAYS = 8;
    private static RaceStage storefront;
    private static String posSecret;
    private static RaceStage v0Rotating;
    private static RaceStage v0Plain;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecretDigester digester;

    @BeforeEach
    void stage() {
        if (storefront != null) {
            return;
        }
        storefront = RaceStage.create("race-refresh", "storefront");
        posSecret = storefront.client("{\"client_id\":\"pos\",\"name\":\"POS\","
                + "\"grant_types\":[\"password\",\"refresh_token\"],\"scopes\":[\"catalog:read\"]}");
        v0Rotating = RaceStage.create("race-v0-rotating", null);
        v0Rotating.patchTenant("{\"v0_rotate_refresh_tokens\":true}").then().statusCode(200);
        v0Plain = RaceStage.create("race-v0-plain", null);
    }

    // --- /oauth/token ---------------------------------------------------------------------------------------------

    private static Response oauthPassword() {
        return given().header("Host", storefront.host()).auth().preemptive().basic("pos", posSecret)
                .formParam("grant_type", "password").formParam("username", storefront.email())
                .formParam("password", RaceStage.PASSWORD).post("/oauth/token");
    }

    private static Response oauthRefresh(String token) {
        return given().header("Host", storefront.host()).auth().preemptive().basic("pos", posSecret)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", token).post("/oauth/token");
    }

    private static boolean isOAuthInvalidGrant(Response response) {
        return response.statusCode() == 400 && "invalid_grant".equals(response.path("error"));
    }

    @Test
    void parallelRefreshesAtTheOAuthTokenEndpointSucceedOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String presented = oauthPassword().then().statusCode(200).extract().path("refresh_token");
            List<Response> answers = Burst.of(PARALLEL, () -> oauthRefresh(presented));
            String winner = theOneWinner(answers, RefreshTokenRaceTest::isOAuthInvalidGrant);
            assertNotEquals(presented, winner, "a rotated token is a new one");
            assertWinnerAsPromised(presented, winner, RefreshTokenRaceTest::oauthRefresh,
                    RefreshTokenRaceTest::isOAuthInvalidGrant);
        }
    }

    /**
     * RFC 9700 §4.14.2 under a race: a thief replays a replaced token while the holder refreshes the current one. The
     * reuse revokes the family; a new token the holder got in the meantime must be revoked with it, not survive as
     * the family's only live token. Over HTTP the exact interleaving is left to chance; ReuseRevocationRaceTest forces
     * the one that used to leave a live token.
     */
    @Test
    void aReuseRacingTheHoldersRefreshRevokesTheWholeFamily() throws Exception {
        for (int round = 0; round < 2 * ROUNDS; round++) {
            String replaced = oauthPassword().then().statusCode(200).extract().path("refresh_token");
            String current = oauthRefresh(replaced).then().statusCode(200).extract().path("refresh_token");
            // the replays sweep over the holder's transaction (a few ms), round after round, so that some land in it
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < REPLAYS; i++) {
                long delay = 2L * round + i;
                calls.add(() -> {
                    Thread.sleep(delay);
                    return oauthRefresh(replaced);
                });
            }
            calls.add(() -> oauthRefresh(current));
            List<Response> all = Burst.all(calls);
            for (Response replay : all.subList(0, REPLAYS)) {
                assertTrue(isOAuthInvalidGrant(replay), replay.asString());
            }
            Map<String, Integer> states = familyStates(replaced);
            LOG.infof("reuse race outcome: holder got %d, family %s", all.getLast().statusCode(), states);
            assertEquals(null, states.get("active"), "no live token left in a family whose reuse was detected: "
                    + states);
        }
    }

    // --- /v0/refresh_token ----------------------------------------------------------------------------------------

    private static Response v0Login(RaceStage stage) {
        return given().header("Host", stage.host()).formParam("grant_type", "password")
                .formParam("username", stage.email()).formParam("password", RaceStage.PASSWORD).post("/v0/token");
    }

    private static Response v0Refresh(RaceStage stage, String token) {
        return given().header("Host", stage.host()).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", token).post("/v0/refresh_token");
    }

    /** Seed 001's error_response for a refused refresh: 403, "Authentication failed", the request id. */
    private static boolean isV0Refusal(Response response) {
        if (response.statusCode() != 403) {
            return false;
        }
        Map<String, Object> body = response.as(Map.class);
        return body.keySet().equals(java.util.Set.of("status", "message", "request_id"))
                && Integer.valueOf(403).equals(body.get("status"))
                && "Authentication failed".equals(body.get("message"))
                && response.header("X-Request-Id").equals(body.get("request_id"));
    }

    @Test
    void parallelRefreshesOfARotatingV0TokenSucceedOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String presented = v0Login(v0Rotating).then().statusCode(200).extract().path("refresh_token");
            List<Response> answers = Burst.of(PARALLEL, () -> v0Refresh(v0Rotating, presented));
            String winner = theOneWinner(answers, RefreshTokenRaceTest::isV0Refusal);
            assertNotEquals(presented, winner);
            assertWinnerAsPromised(presented, winner, token -> v0Refresh(v0Rotating, token),
                    RefreshTokenRaceTest::isV0Refusal);
        }
    }

    /** Without rotation (the seed's behaviour) every refresh succeeds with the same token and nothing new is stored. */
    @Test
    void parallelRefreshesOfANonRotatingV0TokenAllSucceedWithTheSameToken() throws Exception {
        String presented = v0Login(v0Plain).then().statusCode(200).extract().path("refresh_token");
        List<Response> answers = Burst.of(PARALLEL, () -> v0Refresh(v0Plain, presented));
        for (Response answer : answers) {
            assertEquals(200, answer.statusCode(), answer.asString());
            assertEquals(presented, answer.path("refresh_token"));
        }
        assertEquals(PARALLEL, answers.stream().map(a -> (String) a.path("access_token")).distinct().count(),
                "a new access token for each call");
        assertEquals(Map.of("active", 1), familyStates(presented));
        v0Refresh(v0Plain, presented).then().statusCode(200);
    }

    // --- the property -----------------------------------------------------------------------------------------------

    /** Exactly one 200 with a refresh token; every other answer is the dialect's refusal (never a 5xx). */
    private static String theOneWinner(List<Response> answers, java.util.function.Predicate<Response> refusal) {
        List<Response> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
        String seen = answers.stream().map(a -> a.statusCode() + (a.statusCode() == 200 ? "" : " " + a.asString()))
                .collect(Collectors.joining("\n"));
        assertEquals(1, won.size(), "exactly one success of " + answers.size() + ":\n" + seen);
        for (Response answer : answers) {
            if (answer.statusCode() != 200 && !refusal.test(answer)) {
                fail("a loser must be refused in the dialect's shape, got:\n" + seen);
            }
        }
        String winner = won.getFirst().path("refresh_token");
        assertNotNull(winner);
        return winner;
    }

    /** One of the two consistent outcomes (class comment), each checked in the database and over HTTP. */
    private void assertWinnerAsPromised(String presented, String winner, Function<String, Response> refresh,
            java.util.function.Predicate<Response> refusal) throws SQLException {
        Map<String, Integer> states = familyStates(presented);
        assertEquals(2, states.values().stream().mapToInt(Integer::intValue).sum(),
                "the presented token and exactly one new one: " + states);
        LOG.infof("refresh race outcome: %s", states);
        if (states.equals(Map.of("active", 1, "rotated", 1))) {
            assertEquals("active", state(winner));
            Response once = refresh.apply(winner);
            assertEquals(200, once.statusCode(), once.asString());
            Response twice = refresh.apply(winner);
            assertTrue(refusal.test(twice), "the winner's token works once: " + twice.asString());
        } else {
            assertEquals(Map.of("revoked", 2), states, "a late loser was a reuse: the whole family is revoked");
            Response refused = refresh.apply(winner);
            assertTrue(refusal.test(refused), refused.asString());
        }
    }

    /** How many tokens of each state the family of {@code token} holds. */
    private Map<String, Integer> familyStates(String token) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select state, count(*) from refresh_token
                        where family_id = (select family_id from refresh_token where digest = ?)
                        group by state
                        """)) {
            query.setString(1, digester.digest(token));
            Map<String, Integer> states = new TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getInt(2));
                }
            }
            return states;
        }
    }

    private String state(String token) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select state from refresh_token where digest = ?")) {
            query.setString(1, digester.digest(token));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the token is stored");
                return rows.getString(1);
            }
        }
    }
}
