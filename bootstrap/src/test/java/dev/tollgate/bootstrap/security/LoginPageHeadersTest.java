package dev.tollgate.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.authorization.CodeChallenge;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page of the authorization endpoint (the login page, its answer to a failed sign-in, the page for an expired
 * or forged form, the error pages) is a page that takes a password: it may not be framed (X-Frame-Options and CSP
 * frame-ancestors), cached, sniffed or leak its URL in a Referer, runs no script, and its form's CSRF token is
 * required. Redirects out of it are not cached and send no Referer.
 *
 * <p>AuthorizationCodeFlowTest already checks the login page's X-Frame-Options, Cache-Control and frame-ancestors,
 * and refuses a form without its CSRF cookie or with another form's cookie; this class checks every page and the
 * other ways a form can lack its token.
 */
@QuarkusTest
class LoginPageHeadersTest {

    private static final String REDIRECT = "https://app.example.com/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = CodeChallenge.of(VERIFIER).value();

    private static AttackStage stage;

    @BeforeEach
    void setUp() {
        if (stage != null) {
            return;
        }
        AttackStage created = AttackStage.create("atk-headers");
        AttackStage.client(created.slug(), "{\"client_id\":\"spa\",\"name\":\"SPA\",\"token_endpoint_auth_method\":"
                + "\"none\",\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"" + REDIRECT + "\"]}");
        stage = created;
    }

    private static RequestSpecification request() {
        return given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .header("Host", stage.host());
    }

    private static Map<String, String> authorization() {
        return Map.of("response_type", "code", "client_id", "spa", "redirect_uri", REDIRECT, "state", "s1",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256");
    }

    private static Response loginPage() {
        return request().queryParams(authorization()).get("/oauth/authorize");
    }

    private static String csrfField(Response page) {
        return page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value");
    }

    private static RequestSpecification form(Map<String, String> fields) {
        return request().contentType("application/x-www-form-urlencoded").formParams(authorization())
                .formParams(fields);
    }

    /** The headers every page of the endpoint carries. */
    private static void guarded(Response page, String what) {
        page.then().contentType(containsString("text/html"))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", containsString("no-store"))
                .header("Pragma", "no-cache")
                .header("Referrer-Policy", "no-referrer");
        String csp = page.header("Content-Security-Policy");
        assertTrue(csp != null, what + ": no CSP");
        List<String> directives = List.of(csp.split("\\s*;\\s*"));
        assertTrue(directives.contains("frame-ancestors 'none'"), what + ": " + csp);
        assertTrue(directives.contains("default-src 'none'"), what + ": " + csp);
        assertTrue(directives.contains("base-uri 'none'"), what + ": " + csp);
        assertFalse(csp.contains("script-src") || csp.contains("unsafe-inline") || csp.contains("unsafe-eval"),
                what + ": scripts must stay forbidden: " + csp);
        String html = page.asString();
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), what + " runs a script");
        // the inline style is allowed by this response's nonce only
        String nonce = csp.replaceAll(".*style-src 'nonce-([^']+)'.*", "$1");
        assertTrue(html.contains("<style nonce=\"" + nonce + "\">"), what + ": style nonce " + nonce);
    }

    @Test
    void theLoginPageIsGuardedAndCarriesAFreshCsrfPair() {
        Response first = loginPage();
        first.then().statusCode(200);
        guarded(first, "login page");
        Cookie cookie = first.detailedCookie("tollgate_login_csrf");
        assertTrue(cookie.isHttpOnly(), cookie.toString());
        assertEquals("Strict", cookie.getSameSite(), cookie.toString());
        assertEquals("/oauth/authorize", cookie.getPath(), "the cookie goes to this form only");
        assertTrue(cookie.getMaxAge() > 0 && cookie.getMaxAge() <= 3600, cookie.toString());
        String field = csrfField(first);
        assertTrue(field != null && field.length() >= 32, "a CSRF field in the form");
        assertNotEquals(cookie.getValue(), field, "the field is not the cookie's value (a digest of it)");

        Response second = loginPage();
        assertNotEquals(cookie.getValue(), second.cookie("tollgate_login_csrf"), "a new pair for each page");
        assertNotEquals(first.header("Content-Security-Policy"), second.header("Content-Security-Policy"),
                "a new nonce for each page");
        // the realm path serves the same page with the same guards, its cookie scoped to its own path
        Response realm = request().queryParams(authorization())
                .get("/auth/realms/" + stage.slug() + "/protocol/openid-connect/auth");
        realm.then().statusCode(200);
        guarded(realm, "login page at the realm path");
        assertEquals("/auth/realms/" + stage.slug() + "/protocol/openid-connect/auth",
                realm.detailedCookie("tollgate_login_csrf").getPath());
    }

    @Test
    void everyOtherPageIsGuardedToo() {
        Response page = loginPage();
        String cookie = page.cookie("tollgate_login_csrf");
        Map<String, Response> pages = new java.util.LinkedHashMap<>();
        pages.put("failed sign-in", form(Map.of("csrf_token", csrfField(page), "username", AttackStage.CUSTOMER_EMAIL,
                "password", "Wr0ng-password-for-headers")).cookie("tollgate_login_csrf", cookie).post("/oauth/authorize"));
        pages.put("forged form", form(Map.of("csrf_token", "forged", "username", AttackStage.CUSTOMER_EMAIL,
                "password", "x")).cookie("tollgate_login_csrf", cookie).post("/oauth/authorize"));
        pages.put("error page", request().queryParam("client_id", "nobody").get("/oauth/authorize"));
        pages.put("unregistered redirect", request().queryParam("response_type", "code").queryParam("client_id", "spa")
                .queryParam("redirect_uri", "https://evil.example/").get("/oauth/authorize"));
        pages.put("unknown tenant", given().get("/auth/realms/no-such-tenant/protocol/openid-connect/auth"));
        pages.put("wrong media type", request().contentType("application/json").body("{}").post("/oauth/authorize"));
        pages.put("too large", request().contentType("application/x-www-form-urlencoded")
                .body("x=" + "a".repeat(40_000)).post("/oauth/authorize"));
        Map<String, Integer> statuses = Map.of("failed sign-in", 200, "forged form", 403, "error page", 400,
                "unregistered redirect", 400, "unknown tenant", 404, "wrong media type", 415, "too large", 413);
        pages.forEach((what, response) -> {
            assertEquals(statuses.get(what), response.statusCode(), what + ": " + response.asString());
            response.then().header("Location", nullValue());
            guarded(response, what);
        });
        // the failed sign-in shows the form again with a new pair: the old one is spent
        Response failed = pages.get("failed sign-in");
        assertNotEquals(cookie, failed.cookie("tollgate_login_csrf"));
        failed.then().body(containsString("name=\"csrf_token\""));
    }

    @Test
    void redirectsOutOfThePageAreNotCachedAndSendNoReferer() {
        Response page = loginPage();
        Response signedIn = form(Map.of("csrf_token", csrfField(page), "username", AttackStage.CUSTOMER_EMAIL,
                "password", AttackStage.CUSTOMER_PASSWORD, "action", "sign_in"))
                .cookie("tollgate_login_csrf", page.cookie("tollgate_login_csrf")).post("/oauth/authorize");
        signedIn.then().statusCode(303).header("Location", containsString("code="))
                .header("Cache-Control", containsString("no-store")).header("Referrer-Policy", "no-referrer");
        Response error = request().queryParams(authorization()).queryParam("scope", "not-allowed")
                .get("/oauth/authorize");
        error.then().statusCode(302).header("Cache-Control", containsString("no-store"))
                .header("Referrer-Policy", "no-referrer");
    }

    // ---- the CSRF token is required: every way of leaving it out or getting it wrong signs nobody in

    private static void nobodySignedIn(Response response, String what) {
        String location = response.header("Location");
        assertTrue(location == null || !location.contains("code="), what + " signed in: " + location);
        assertTrue(response.statusCode() == 200 || response.statusCode() == 403, what + ": " + response.statusCode());
        response.then().body(not(containsString("Invalid email, username or password")));
    }

    @Test
    void aFormWithoutItsCsrfTokenSignsNobodyIn() {
        Response page = loginPage();
        String cookie = page.cookie("tollgate_login_csrf");
        String field = csrfField(page);
        Map<String, String> credentials = Map.of("username", AttackStage.CUSTOMER_EMAIL,
                "password", AttackStage.CUSTOMER_PASSWORD, "action", "sign_in");

        // the cookie but no field: an authorization request, which only shows the login page again
        Response noField = form(credentials).cookie("tollgate_login_csrf", cookie).post("/oauth/authorize");
        nobodySignedIn(noField, "no field");
        noField.then().statusCode(200).body(containsString("name=\"password\""));
        // an empty field counts as no field (RFC 6749 §3.1: empty values are absent)
        Response emptyField = form(Map.of("csrf_token", "")).formParams(credentials)
                .cookie("tollgate_login_csrf", cookie).post("/oauth/authorize");
        nobodySignedIn(emptyField, "empty field");
        Map<String, Response> refused = new java.util.LinkedHashMap<>();
        refused.put("the cookie's value as the field", form(Map.of("csrf_token", cookie)).formParams(credentials)
                .cookie("tollgate_login_csrf", cookie).post("/oauth/authorize"));
        refused.put("the field as the cookie", form(Map.of("csrf_token", field)).formParams(credentials)
                .cookie("tollgate_login_csrf", field).post("/oauth/authorize"));
        refused.put("the field twice", request().contentType("application/x-www-form-urlencoded")
                .formParams(authorization()).formParams(credentials).formParam("csrf_token", field, field)
                .cookie("tollgate_login_csrf", cookie).post("/oauth/authorize"));
        refused.put("a field of one character changed", form(Map.of("csrf_token", flip(field))).formParams(credentials)
                .cookie("tollgate_login_csrf", cookie).post("/oauth/authorize"));
        refused.put("an empty cookie", form(Map.of("csrf_token", field)).formParams(credentials)
                .cookie("tollgate_login_csrf", "").post("/oauth/authorize"));
        refused.forEach((what, response) -> {
            nobodySignedIn(response, what);
            assertEquals(403, response.statusCode(), what);
        });
        // as multipart form data the CSRF field is ignored: a request, never a sign-in
        Response multipart = request().multiPart("response_type", "code").multiPart("client_id", "spa")
                .multiPart("redirect_uri", REDIRECT).multiPart("code_challenge", CHALLENGE)
                .multiPart("code_challenge_method", "S256").multiPart("csrf_token", field)
                .multiPart("username", AttackStage.CUSTOMER_EMAIL).multiPart("password", AttackStage.CUSTOMER_PASSWORD)
                .cookie("tollgate_login_csrf", cookie).post("/oauth/authorize");
        nobodySignedIn(multipart, "multipart");

        // and the untouched pair still works: the refusals above were about the token
        form(Map.of("csrf_token", field)).formParams(credentials).cookie("tollgate_login_csrf", cookie)
                .post("/oauth/authorize").then().statusCode(303).header("Location", containsString("code="));
    }

    private static String flip(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
