package dev.tollgate.bootstrap.storefront;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.bootstrap.support.TestClock;
import dev.tollgate.domain.authorization.CodeChallenge;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 §1: the authorization code grant, from the authorization request to the token, on a Storefront-style
 * tenant (899 s access tokens), with the rules of RFC 6749 §4.1, RFC 7636 and RFC 9207.
 */
@QuarkusTest
class AuthorizationCodeFlowTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static StorefrontStage stage;
    private static String backendSecret;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    /** Once per class; in @BeforeEach because the application is not up yet when @BeforeAll runs. */
    @BeforeEach
    void stage() {
        if (stage != null) {
            return;
        }
        stage = StorefrontStage.create("sf-code");
        // the seed's client: confidential and tenant-scoped, so it may name the user with email
        backendSecret = stage.client("{\"client_id\":\"c6b39d0c-45e0-4917-bf37-27590918cb29\",\"name\":\"Storefront\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"redirect_uris\":[\""
                + StorefrontStage.REDIRECT + "\"]}");
        stage.client("{\"client_id\":\"spa\",\"name\":\"Shop SPA\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"scopes\":[\"catalog:read\",\"cart:write\"],"
                + "\"redirect_uris\":[\"" + StorefrontStage.REDIRECT + "\",\"http://localhost:4200/cb?x=1\"]}");
        stage.client("{\"client_id\":\"no-code\",\"name\":\"Machine\",\"grant_types\":[\"client_credentials\"],"
                + "\"redirect_uris\":[\"" + StorefrontStage.REDIRECT + "\"]}");
    }

    private static RequestSpecification noRedirects() {
        return given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .header("Host", stage.host());
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("tollgate.public-url", String.class) + "/auth/realms/" + stage.slug();
    }

    /** Seed 003 step 1, as its curl sends it: multipart form data naming the user by email. */
    private static Map<String, String> seedAuthorize() {
        Response response = noRedirects()
                .multiPart("response_type", "code")
                .multiPart("client_id", "c6b39d0c-45e0-4917-bf37-27590918cb29")
                .multiPart("email", stage.shopperEmail())
                .multiPart("redirect_uri", StorefrontStage.REDIRECT)
                .post("/oauth/authorize");
        response.then().statusCode(303).header("Cache-Control", "no-store");
        String location = response.header("Location");
        assertTrue(location.startsWith(StorefrontStage.REDIRECT + "?"), location);
        return StorefrontStage.query(location);
    }

    private static Response exchange(String code, String redirectUri) {
        return noRedirects().auth().preemptive().basic("c6b39d0c-45e0-4917-bf37-27590918cb29", backendSecret)
                .formParam("grant_type", "authorization_code")
                .formParam("client_id", "c6b39d0c-45e0-4917-bf37-27590918cb29")
                .formParam("code", code)
                .formParam("redirect_uri", redirectUri)
                .post("/oauth/token");
    }

    @Test
    void seedFlowIssuesShortLivedTokensWithARefreshToken() throws Exception {
        Map<String, String> redirect = seedAuthorize();
        assertEquals(Set.of("code", "iss"), redirect.keySet(), "no state was sent, none comes back");
        assertEquals(issuer(), redirect.get("iss"));
        assertTrue(redirect.get("code").length() >= 43, "at least 256 bits of randomness");

        Response token = exchange(redirect.get("code"), StorefrontStage.REDIRECT);
        token.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(899));
        assertEquals(List.of("access_token", "token_type", "expires_in", "refresh_token"),
                new ArrayList<>(token.jsonPath().getMap("").keySet()), "seed 003's fields, in its order");
        var claims = SignedJWT.parse(token.path("access_token")).getJWTClaimsSet();
        assertEquals(stage.shopperId(), claims.getSubject());
        assertEquals(issuer(), claims.getIssuer());
        assertEquals("authorization_code", claims.getStringClaim("gty"));
        assertEquals(899, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    void aCodeIsStoredOnlyAsADigest() throws Exception {
        String code = seedAuthorize().get("code");
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select digest from authorization_code")) {
            while (rows.next()) {
                assertFalse(rows.getString(1).contains(code));
            }
        }
    }

    @Test
    void aSecondUseOfACodeIsRefusedAndRevokesWhatTheFirstGot() {
        String code = seedAuthorize().get("code");
        Response first = exchange(code, StorefrontStage.REDIRECT);
        String refresh = first.then().statusCode(200).extract().path("refresh_token");
        String access = first.path("access_token");
        noRedirects().auth().preemptive().basic("c6b39d0c-45e0-4917-bf37-27590918cb29", backendSecret)
                .formParam("token", access).post("/oauth/introspect").then().statusCode(200).body("active", equalTo(true));

        exchange(code, StorefrontStage.REDIRECT).then().statusCode(400)
                .body("error", equalTo("invalid_grant"));
        noRedirects().auth().preemptive().basic("c6b39d0c-45e0-4917-bf37-27590918cb29", backendSecret)
                .formParam("token", access).post("/oauth/introspect").then().statusCode(200)
                .body("active", equalTo(false));
        noRedirects().auth().preemptive().basic("c6b39d0c-45e0-4917-bf37-27590918cb29", backendSecret)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void parallelExchangesOfOneCodeSucceedOnce() throws Exception {
        String code = seedAuthorize().get("code");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> exchange(code, StorefrontStage.REDIRECT).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() {
        String code = seedAuthorize().get("code");
        clock.advance(Duration.ofSeconds(61));
        exchange(code, StorefrontStage.REDIRECT).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void theRedirectUriMustBeRepeatedExactly() {
        String code = seedAuthorize().get("code");
        exchange(code, StorefrontStage.REDIRECT + "/").then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", containsString("redirect_uri"));
        noRedirects().auth().preemptive().basic("c6b39d0c-45e0-4917-bf37-27590918cb29", backendSecret)
                .formParam("grant_type", "authorization_code").formParam("code", seedAuthorize().get("code"))
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aCodeIsBoundToItsClient() {
        String code = seedAuthorize().get("code");
        noRedirects().formParam("grant_type", "authorization_code").formParam("client_id", "spa")
                .formParam("code", code).formParam("redirect_uri", StorefrontStage.REDIRECT)
                .formParam("code_verifier", VERIFIER)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aConfidentialClientMustAuthenticate() {
        String code = seedAuthorize().get("code");
        noRedirects().formParam("grant_type", "authorization_code")
                .formParam("client_id", "c6b39d0c-45e0-4917-bf37-27590918cb29")
                .formParam("code", code).formParam("redirect_uri", StorefrontStage.REDIRECT)
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        // the code was not spent by the refused attempt
        exchange(code, StorefrontStage.REDIRECT).then().statusCode(200);
    }

    /** A public client: PKCE is required, and the user of the code is whoever signs in (no email accepted). */
    @Test
    void publicClientWithPkce() {
        String challenge = CodeChallenge.of(VERIFIER).value();
        Response page = noRedirects()
                .queryParam("response_type", "code").queryParam("client_id", "spa")
                .queryParam("redirect_uri", StorefrontStage.REDIRECT).queryParam("state", "<xyz>&\"1\"")
                .queryParam("scope", "catalog:read")
                .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .get("/oauth/authorize");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("Shop SPA"))
                .body(not(containsString("<xyz>")));
        String cookie = page.cookie("tollgate_login_csrf");
        String csrf = page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value");

        Response signedIn = noRedirects().cookie("tollgate_login_csrf", cookie)
                .formParam("response_type", "code").formParam("client_id", "spa")
                .formParam("redirect_uri", StorefrontStage.REDIRECT).formParam("state", "<xyz>&\"1\"")
                .formParam("scope", "catalog:read")
                .formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("csrf_token", csrf).formParam("username", stage.shopperEmail())
                .formParam("password", StorefrontStage.PASSWORD).formParam("action", "sign_in")
                .post("/oauth/authorize");
        signedIn.then().statusCode(303);
        Map<String, String> redirect = StorefrontStage.query(signedIn.header("Location"));
        assertEquals("<xyz>&\"1\"", redirect.get("state"));
        assertEquals(issuer(), redirect.get("iss"));

        // seed 003 step 2 as its curl sends it, plus the verifier PKCE requires of a public client
        Response token = noRedirects()
                .formParam("grant_type", "authorization_code").formParam("client_id", "spa")
                .formParam("code", redirect.get("code")).formParam("redirect_uri", StorefrontStage.REDIRECT)
                .formParam("code_verifier", VERIFIER)
                .post("/oauth/token");
        token.then().statusCode(200).body("scope", equalTo("catalog:read")).body("refresh_token", not(nullValue()));
    }

    @Test
    void pkceMismatchAndDowngradeAreRefused() {
        String challenge = CodeChallenge.of(VERIFIER).value();
        String code = signInSpa(challenge);
        noRedirects().formParam("grant_type", "authorization_code").formParam("client_id", "spa")
                .formParam("code", code).formParam("redirect_uri", StorefrontStage.REDIRECT)
                .formParam("code_verifier", VERIFIER.replace('d', 'e'))
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        String second = signInSpa(challenge);
        noRedirects().formParam("grant_type", "authorization_code").formParam("client_id", "spa")
                .formParam("code", second).formParam("redirect_uri", StorefrontStage.REDIRECT)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Missing code_verifier"));
        // a verifier for a code that had no challenge: RFC 9700 §2.1.1 downgrade
        String plain = seedAuthorize().get("code");
        noRedirects().auth().preemptive().basic("c6b39d0c-45e0-4917-bf37-27590918cb29", backendSecret)
                .formParam("grant_type", "authorization_code").formParam("code", plain)
                .formParam("redirect_uri", StorefrontStage.REDIRECT).formParam("code_verifier", VERIFIER)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithAGenericMessage() {
        String challenge = CodeChallenge.of(VERIFIER).value();
        Response page = authorizeSpa(challenge);
        Response failed = loginSpa(page, challenge, stage.shopperEmail(), "wrong-password");
        failed.then().statusCode(200).header("Location", nullValue())
                .body(containsString("Invalid email, username or password."));
        Response unknown = loginSpa(page, challenge, "nobody@example.com", "wrong-password");
        unknown.then().statusCode(200).body(containsString("Invalid email, username or password."));
    }

    @Test
    void aLoginFormWithoutItsCsrfCookieIsRefused() {
        String challenge = CodeChallenge.of(VERIFIER).value();
        Response page = authorizeSpa(challenge);
        String csrf = page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value");
        noRedirects()
                .formParam("response_type", "code").formParam("client_id", "spa")
                .formParam("redirect_uri", StorefrontStage.REDIRECT)
                .formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("csrf_token", csrf).formParam("username", stage.shopperEmail())
                .formParam("password", StorefrontStage.PASSWORD)
                .post("/oauth/authorize")
                .then().statusCode(403).header("Location", nullValue())
                .body(containsString("expired"));
        // a cookie of another form does not fit this field either
        Response other = authorizeSpa(challenge);
        noRedirects().cookie("tollgate_login_csrf", other.cookie("tollgate_login_csrf"))
                .formParam("response_type", "code").formParam("client_id", "spa")
                .formParam("redirect_uri", StorefrontStage.REDIRECT)
                .formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("csrf_token", csrf).formParam("username", stage.shopperEmail())
                .formParam("password", StorefrontStage.PASSWORD)
                .post("/oauth/authorize")
                .then().statusCode(403).header("Location", nullValue());
    }

    @Test
    void cancellingRedirectsWithAccessDenied() {
        String challenge = CodeChallenge.of(VERIFIER).value();
        Response page = authorizeSpa(challenge);
        Response cancelled = noRedirects().cookie("tollgate_login_csrf", page.cookie("tollgate_login_csrf"))
                .formParam("response_type", "code").formParam("client_id", "spa")
                .formParam("redirect_uri", StorefrontStage.REDIRECT).formParam("state", "s1")
                .formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("csrf_token", page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value"))
                .formParam("action", "cancel")
                .post("/oauth/authorize");
        cancelled.then().statusCode(303);
        Map<String, String> redirect = StorefrontStage.query(cancelled.header("Location"));
        assertEquals("access_denied", redirect.get("error"));
        assertEquals("s1", redirect.get("state"));
        assertFalse(redirect.containsKey("code"));
    }

    @Test
    void theRealmPathServesTheSameEndpoint() {
        Response response = given().config(RestAssuredConfig.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .queryParam("response_type", "code")
                .queryParam("client_id", "c6b39d0c-45e0-4917-bf37-27590918cb29")
                .queryParam("email", stage.shopperEmail())
                .queryParam("redirect_uri", StorefrontStage.REDIRECT).queryParam("state", "abc")
                .get("/auth/realms/" + stage.slug() + "/protocol/openid-connect/auth");
        response.then().statusCode(302);
        Map<String, String> redirect = StorefrontStage.query(response.header("Location"));
        assertEquals("abc", redirect.get("state"));
        given().auth().preemptive().basic("c6b39d0c-45e0-4917-bf37-27590918cb29", backendSecret)
                .formParam("grant_type", "authorization_code").formParam("code", redirect.get("code"))
                .formParam("redirect_uri", StorefrontStage.REDIRECT)
                .post("/auth/realms/" + stage.slug() + "/protocol/openid-connect/token")
                .then().statusCode(200).body("expires_in", equalTo(899)).body("refresh_token", not(nullValue()));
    }

    @Test
    void aRedirectUriWithItsOwnQueryKeepsIt() {
        String challenge = CodeChallenge.of(VERIFIER).value();
        Response page = noRedirects()
                .queryParam("response_type", "code").queryParam("client_id", "spa")
                .queryParam("redirect_uri", "http://localhost:4200/cb?x=1")
                .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .get("/oauth/authorize");
        Response signedIn = noRedirects().cookie("tollgate_login_csrf", page.cookie("tollgate_login_csrf"))
                .formParam("response_type", "code").formParam("client_id", "spa")
                .formParam("redirect_uri", "http://localhost:4200/cb?x=1")
                .formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("csrf_token", page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value"))
                .formParam("username", "shopper").formParam("password", StorefrontStage.PASSWORD)
                .post("/oauth/authorize");
        signedIn.then().statusCode(303);
        assertTrue(signedIn.header("Location").startsWith("http://localhost:4200/cb?x=1&code="));
    }

    private static Response authorizeSpa(String challenge) {
        return noRedirects()
                .queryParam("response_type", "code").queryParam("client_id", "spa")
                .queryParam("redirect_uri", StorefrontStage.REDIRECT)
                .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .get("/oauth/authorize");
    }

    private static Response loginSpa(Response page, String challenge, String username, String password) {
        return noRedirects().cookie("tollgate_login_csrf", page.cookie("tollgate_login_csrf"))
                .formParam("response_type", "code").formParam("client_id", "spa")
                .formParam("redirect_uri", StorefrontStage.REDIRECT)
                .formParam("code_challenge", challenge).formParam("code_challenge_method", "S256")
                .formParam("csrf_token", page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value"))
                .formParam("username", username).formParam("password", password)
                .post("/oauth/authorize");
    }

    private static String signInSpa(String challenge) {
        Response signedIn = loginSpa(authorizeSpa(challenge), challenge, stage.shopperEmail(), StorefrontStage.PASSWORD);
        signedIn.then().statusCode(303);
        return StorefrontStage.query(signedIn.header("Location")).get("code");
    }

    @Test
    void aNewCodeEachTime() {
        assertNotEquals(seedAuthorize().get("code"), seedAuthorize().get("code"));
    }
}
