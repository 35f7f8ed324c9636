package dev.tollgate.bootstrap.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.domain.authorization.CodeChallenge;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, races: N exchanges of one authorization code (obtained through the login page, with PKCE) released at
 * once. Exactly one gets tokens, the others {@code invalid_grant}, nothing answers 5xx, one refresh token is stored
 * for the code, and what the code issued is in one of two consistent states:
 * <ul>
 * <li>every loser lost the conditional update of the code while the winner's transaction was open: the tokens are
 * live, and a later replay of the code (RFC 6749 §4.1.2) refuses and revokes them, the access token through the deny
 * list introspection consults;</li>
 * <li>a loser read the code after the winner committed, which is such a replay: the tokens are revoked already.</li>
 * </ul>
 */
@QuarkusTest
class AuthorizationCodeRaceTest {

    private static final Logger LOG = Logger.getLogger(AuthorizationCodeRaceTest.class);
    private static final int PARALLEL = 16;
    private static final int ROUNDS = 3;
    private static final String VERIFIER = "race-verifier-0123456789-abcdefghijklmnopqrstuvwxyz";
    private static final String CLIENT = "race-web";
    private static RaceStage stage;
    private static String secret;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecretDigester digester;

    @BeforeEach
    void stage() {
        if (stage != null) {
            return;
        }
        stage = RaceStage.create("race-code", "storefront");
        secret = stage.client("{\"client_id\":\"" + CLIENT + "\",\"name\":\"Race web\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scopes\":[\"catalog:read\"],"
                + "\"redirect_uris\":[\"" + RaceStage.REDIRECT + "\"]}");
    }

    private static RequestSpecification noRedirects() {
        return given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .header("Host", stage.host());
    }

    /** A code as a browser gets it: the login page, its form posted back with the CSRF token, the redirect read. */
    private static String signIn() {
        String challenge = CodeChallenge.of(VERIFIER).value();
        Response page = noRedirects()
                .queryParam("response_type", "code").queryParam("client_id", CLIENT)
                .queryParam("redirect_uri", RaceStage.REDIRECT).queryParam("scope", "catalog:read")
                .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .get("/oauth/authorize");
        page.then().statusCode(200);
        Response signedIn = noRedirects().cookie("tollgate_login_csrf", page.cookie("tollgate_login_csrf"))
                .formParam("response_type", "code").formParam("client_id", CLIENT)
                .formParam("redirect_uri", RaceStage.REDIRECT).formParam("scope", "catalog:read")
                .formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("csrf_token", page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value"))
                .formParam("username", stage.email()).formParam("password", RaceStage.PASSWORD)
                .formParam("action", "sign_in")
                .post("/oauth/authorize");
        signedIn.then().statusCode(303);
        String code = query(signedIn.header("Location")).get("code");
        assertNotNull(code, signedIn.header("Location"));
        return code;
    }

    private static Response exchange(String code) {
        return noRedirects().auth().preemptive().basic(CLIENT, secret)
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", RaceStage.REDIRECT).formParam("code_verifier", VERIFIER)
                .post("/oauth/token");
    }

    private static boolean active(String accessToken) {
        return noRedirects().auth().preemptive().basic(CLIENT, secret).formParam("token", accessToken)
                .post("/oauth/introspect").then().statusCode(200).extract().path("active");
    }

    private static Response refresh(String token) {
        return noRedirects().auth().preemptive().basic(CLIENT, secret)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", token).post("/oauth/token");
    }

    private static boolean isInvalidGrant(Response response) {
        return response.statusCode() == 400 && "invalid_grant".equals(response.path("error"));
    }

    @Test
    void parallelExchangesOfOneCodeSucceedOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String code = signIn();
            List<Response> answers = Burst.of(PARALLEL, () -> exchange(code));

            List<Response> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
            String seen = answers.stream().map(a -> a.statusCode() + " " + (a.statusCode() == 200 ? "" : a.asString()))
                    .collect(Collectors.joining("\n"));
            assertEquals(1, won.size(), "exactly one exchange wins:\n" + seen);
            if (answers.stream().anyMatch(a -> a.statusCode() != 200 && !isInvalidGrant(a))) {
                fail("every other exchange is invalid_grant:\n" + seen);
            }
            String access = won.getFirst().path("access_token");
            String refreshToken = won.getFirst().path("refresh_token");
            assertNotNull(refreshToken);

            Redemption redemption = redemption(code, refreshToken);
            assertEquals(SignedJWT.parse(access).getJWTClaimsSet().getJWTID(), redemption.accessTokenId(),
                    "the code records the winner's access token");
            Map<String, Integer> family = familyStates(refreshToken);
            assertEquals(1, family.values().stream().mapToInt(Integer::intValue).sum(),
                    "one refresh token for one code: " + family);
            LOG.infof("code race outcome: family %s, access token denied: %s", family, redemption.denied());

            if (family.equals(Map.of("active", 1))) {
                assertTrue(!redemption.denied() && active(access), "live tokens: the access token too");
                // RFC 6749 §4.1.2: a replay after the success is refused and revokes what the code issued
                assertTrue(isInvalidGrant(exchange(code)));
                assertEquals(Map.of("revoked", 1), familyStates(refreshToken));
            } else {
                assertEquals(Map.of("revoked", 1), family, "a late loser was a replay: the tokens are revoked");
                assertTrue(redemption.denied(), "and the access token is on the deny list");
            }
            assertTrue(!active(access), "introspection sees the access token revoked");
            assertTrue(isInvalidGrant(refresh(refreshToken)), "the refresh token is revoked");
        }
    }

    private record Redemption(String accessTokenId, boolean denied) {
    }

    /**
     * What the code row records of its redemption (checked to name the family of the winner's refresh token), and
     * whether that access token is on the deny list.
     */
    private Redemption redemption(String code, String refreshToken) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select c.redeemed_at is not null, c.access_token_id,
                               exists (select 1 from revoked_access_token r
                                       where r.tenant_id = c.tenant_id and r.jti = c.access_token_id),
                               c.refresh_family_id = (select family_id from refresh_token where digest = ?)
                        from authorization_code c where c.digest = ?
                        """)) {
            query.setString(1, digester.digest(refreshToken));
            query.setString(2, digester.digest(code));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the code is stored");
                assertTrue(rows.getBoolean(1), "the code is marked redeemed");
                assertTrue(rows.getBoolean(4), "with the family of the winner's refresh token");
                return new Redemption(rows.getString(2), rows.getBoolean(3));
            }
        }
    }

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

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new TreeMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
