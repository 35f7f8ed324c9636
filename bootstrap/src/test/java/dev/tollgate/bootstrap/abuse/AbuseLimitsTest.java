package dev.tollgate.bootstrap.abuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Brute-force locks and rate limits through every dialect, with small limits and a trusted proxy in front (each test
 * comes from its own X-Forwarded-For address, so the per-source counters of one test do not touch another's).
 */
@QuarkusTest
@TestProfile(AbuseLimitsTest.SmallLimits.class)
public class AbuseLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("tollgate.abuse.failed-logins.max-failures", "3"),
                    Map.entry("tollgate.abuse.failed-logins.lockout", "30S"),
                    Map.entry("tollgate.abuse.failed-logins.max-lockout", "2M"),
                    Map.entry("tollgate.abuse.failed-client-auths.max-failures", "3"),
                    Map.entry("tollgate.abuse.failed-client-auths.lockout", "30S"),
                    Map.entry("tollgate.abuse.failed-client-auths.max-lockout", "2M"),
                    Map.entry("tollgate.abuse.failures-per-source.enabled", "true"),
                    Map.entry("tollgate.abuse.failures-per-source.max-failures", "8"),
                    Map.entry("tollgate.abuse.failures-per-source.lockout", "1M"),
                    Map.entry("tollgate.abuse.failures-per-source.max-lockout", "1M"),
                    // practically no refill while a test runs: the test clock moves time on when it wants some
                    Map.entry("tollgate.abuse.requests-per-client.enabled", "true"),
                    Map.entry("tollgate.abuse.requests-per-client.per-second", "0.001"),
                    Map.entry("tollgate.abuse.requests-per-client.burst", "40"),
                    Map.entry("tollgate.abuse.requests-per-source.enabled", "true"),
                    Map.entry("tollgate.abuse.requests-per-source.per-second", "0.001"),
                    Map.entry("tollgate.abuse.requests-per-source.burst", "30"),
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1"));
        }
    }

    private static final String SLUG = "abuse-shop";
    private static final String HOST = "abuse.shop.test";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String REDIRECT = "https://app.abuse.test/cb";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static String appSecret;
    private static String storeSecret;
    private static String meterSecret;

    @Inject
    TestClock clock;

    /** This test's own source address, as the trusted proxy reports it. */
    private String source;

    @BeforeEach
    void setUp() {
        source = "198.51.100." + ADDRESSES.incrementAndGet();
        if (appSecret != null) {
            return;
        }
        String operator = AdminTokens.operator();
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + SLUG + "\",\"domains\":[\"" + HOST + "\"]}")
                .post("/admin/tenants").then().statusCode(201);
        meterSecret = client(operator, "{\"client_id\":\"meter\",\"name\":\"Meter\","
                + "\"grant_types\":[\"client_credentials\"],\"scopes\":[\"catalog\"]}");
        appSecret = client(operator, "{\"client_id\":\"app\",\"name\":\"App\","
                + "\"grant_types\":[\"password\",\"client_credentials\"],\"scopes\":[\"catalog\"]}");
        storeSecret = client(operator, "{\"client_id\":\"store\",\"name\":\"Store\","
                + "\"grant_types\":[\"client_credentials\",\"implicit\"],\"scopes\":[\"catalog\"]}");
        client(operator, "{\"client_id\":\"spa\",\"name\":\"SPA\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"" + REDIRECT + "\"]}");
        for (String name : new String[] {"ada", "bob", "cy", "dee", "eve"}) {
            given().auth().oauth2(operator).contentType(ContentType.JSON)
                    .body("{\"email\":\"" + name + "@abuse.test\",\"username\":\"" + name + "\",\"name\":\"" + name
                            + "\",\"password\":\"" + PASSWORD + "\"}")
                    .post("/admin/tenants/" + SLUG + "/users").then().statusCode(201);
        }
    }

    private static String client(String operator, String json) {
        return given().auth().oauth2(operator).contentType(ContentType.JSON).body(json)
                .post("/admin/tenants/" + SLUG + "/clients").then().statusCode(201).extract().path("client_secret");
    }

    private RequestSpecification request() {
        return given().header("Host", HOST).header("X-Forwarded-For", source)
                .config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    private Response passwordGrant(String username, String password) {
        return request().contentType(ContentType.URLENC).auth().preemptive().basic("app", appSecret)
                .formParam("grant_type", "password").formParam("username", username)
                .formParam("password", password).post("/oauth/token");
    }

    private static void assertThrottled(Response response, long retryAfter) {
        assertThrottled(response, retryAfter, retryAfter);
    }

    /** A refill while the test runs (real time moves too) may shorten the wait a little. */
    private static void assertThrottled(Response response, long atLeast, long atMost) {
        response.then().statusCode(429)
                .header("Retry-After", Long::parseLong, both(greaterThanOrEqualTo(atLeast)).and(lessThanOrEqualTo(atMost)))
                .header("Cache-Control", "no-store")
                .body("error", equalTo("temporarily_unavailable"))
                .body("error_description", notNullValue());
    }

    @Test
    void aLoginIsLockedAfterThreeFailuresEvenForTheRightPasswordThenFreedByTime() {
        for (int i = 0; i < 3; i++) {
            passwordGrant("ada", "guess " + i).then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
        assertThrottled(passwordGrant("ada", PASSWORD), 30);
        clock.advance(Duration.ofSeconds(31));
        passwordGrant("ada", PASSWORD).then().statusCode(200);
    }

    @Test
    void aLockDoesNotTellWhetherTheUserExists() {
        for (int i = 0; i < 3; i++) {
            passwordGrant("nobody-here", "guess").then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
        Response unknown = passwordGrant("nobody-here", "guess");
        for (int i = 0; i < 3; i++) {
            passwordGrant("bob", "guess").then().statusCode(400);
        }
        Response known = passwordGrant("bob", "guess");
        assertThrottled(unknown, 30);
        assertThrottled(known, 30);
        assertEquals(unknown.asString(), known.asString());
    }

    @Test
    void theV0LoginIsLockedInItsOwnShape() {
        for (int i = 0; i < 3; i++) {
            v0("cy", "guess").then().statusCode(403);
        }
        v0("cy", PASSWORD).then().statusCode(429)
                .header("Retry-After", "30")
                .header("Deprecation", notNullValue())
                .body("status", equalTo(429))
                .body("message", equalTo("Too Many Requests"))
                .body("request_id", notNullValue());
    }

    private Response v0(String username, String password) {
        return request().contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"grant_type\":\"password\"}")
                .post("/v0/token");
    }

    @Test
    void theLoginPageSaysHowLongToWait() {
        Response page = null;
        for (int i = 0; i < 4; i++) {
            page = signIn("dee", i < 3 ? "guess" : PASSWORD);
        }
        page.then().statusCode(429)
                .header("Retry-After", "30")
                .header("X-Frame-Options", "DENY")
                .contentType(ContentType.HTML)
                .body(containsString("Too many failed sign-in attempts. Try again in 30 seconds."));
    }

    private Response signIn(String username, String password) {
        Response page = request().queryParam("response_type", "code").queryParam("client_id", "spa")
                .queryParam("redirect_uri", REDIRECT).queryParam("code_challenge", CHALLENGE)
                .queryParam("code_challenge_method", "S256").get("/oauth/authorize");
        page.then().statusCode(200);
        return request().cookie("tollgate_login_csrf", page.cookie("tollgate_login_csrf"))
                .formParam("response_type", "code").formParam("client_id", "spa")
                .formParam("redirect_uri", REDIRECT).formParam("code_challenge", CHALLENGE)
                .formParam("code_challenge_method", "S256")
                .formParam("csrf_token", page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value"))
                .formParam("username", username).formParam("password", password)
                .post("/oauth/authorize");
    }

    @Test
    void customersAreLockedInTheJsonApiShape() {
        String implicit = request().contentType(ContentType.URLENC).formParam("grant_type", "implicit")
                .formParam("client_id", "store").post("/oauth/access_token")
                .then().statusCode(200).extract().path("access_token");
        for (int i = 0; i < 3; i++) {
            customerToken(implicit, "eve@abuse.test", "guess").then().statusCode(401);
        }
        customerToken(implicit, "eve@abuse.test", PASSWORD).then().statusCode(429)
                .header("Retry-After", "30")
                .body("errors[0].status", equalTo("429"))
                .body("errors[0].title", equalTo("Too Many Requests"));
    }

    private Response customerToken(String bearer, String email, String password) {
        return request().auth().oauth2(bearer).contentType(ContentType.JSON)
                .body("{\"data\":{\"type\":\"token\",\"email\":\"" + email + "\",\"password\":\"" + password + "\"}}")
                .post("/v2/customers/tokens");
    }

    @Test
    void aClientIdIsLockedAfterThreeWrongSecrets() {
        String realm = "/auth/realms/" + SLUG + "/protocol/openid-connect/token";
        for (int i = 0; i < 3; i++) {
            request().auth().preemptive().basic("store", "wrong secret " + i)
                    .formParam("grant_type", "client_credentials").post(realm)
                    .then().statusCode(401).body("error", equalTo("invalid_client"));
        }
        assertThrottled(request().auth().preemptive().basic("store", storeSecret)
                .formParam("grant_type", "client_credentials").post(realm), 30);
        // Moltin's endpoint shares the lock, in its own shape
        request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "store").formParam("client_secret", storeSecret)
                .post("/oauth/access_token").then().statusCode(429).header("Retry-After", "30")
                .body("errors[0].title", equalTo("Too Many Requests"));
        clock.advance(Duration.ofSeconds(31));
        request().auth().preemptive().basic("store", storeSecret)
                .formParam("grant_type", "client_credentials").post(realm).then().statusCode(200);
    }

    @Test
    void aSourceSprayingLoginsIsLockedForEveryLogin() {
        for (int i = 0; i < 8; i++) {
            passwordGrant("spray-" + i, "guess").then().statusCode(400);
        }
        assertThrottled(passwordGrant("ada", PASSWORD), 60);
        // from another address the user is fine
        source = "198.51.100." + ADDRESSES.incrementAndGet();
        clock.advance(Duration.ofSeconds(31));
        passwordGrant("ada", PASSWORD).then().statusCode(200);
    }

    @Test
    void aSourceOverItsRateGets429WithRetryAfterThenRecovers() {
        // no credentials at all: refused, but not a failed authentication (no lock); only the rate counts
        Response last = null;
        for (int i = 0; i < 31 && (last == null || last.statusCode() != 429); i++) {
            last = request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                    .post("/oauth/token");
        }
        assertThrottled(last, 900, 1000);
        // every token endpoint of the source, in its dialect's shape
        request().contentType(ContentType.JSON).body("{\"username\":\"ada\",\"password\":\"x\"}")
                .post("/v0/token").then().statusCode(429).header("Retry-After", notNullValue())
                .body("message", equalTo("Too Many Requests"));
        request().contentType(ContentType.URLENC).formParam("grant_type", "implicit").formParam("client_id", "store")
                .post("/oauth/access_token").then().statusCode(429).body("errors[0].status", equalTo("429"));
        clock.advance(Duration.ofSeconds(1000));
        request().auth().preemptive().basic("store", storeSecret)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(200);
    }

    @Test
    void aClientOverItsRateGets429FromAnyAddress() {
        for (int i = 0; i < 40; i++) {
            if (i == 20) {
                // under the source's burst of 30: it is the client's allowance that runs out
                source = "198.51.100." + ADDRESSES.incrementAndGet();
            }
            meter().then().statusCode(200);
        }
        source = "198.51.100." + ADDRESSES.incrementAndGet();
        assertThrottled(meter(), 900, 1000);
        clock.advance(Duration.ofSeconds(1000));
        meter().then().statusCode(200);
    }

    private Response meter() {
        return request().auth().preemptive().basic("meter", meterSecret)
                .formParam("grant_type", "client_credentials").post("/auth/realms/" + SLUG
                        + "/protocol/openid-connect/token");
    }
}
