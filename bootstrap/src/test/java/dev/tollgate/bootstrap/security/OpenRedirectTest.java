package dev.tollgate.bootstrap.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.authorization.CodeChallenge;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization endpoint is no open redirector (RFC 6749 §4.1.2.1, RFC 9700 §4.1.3) and echoes nothing
 * unescaped: every near miss of a registered redirect URI is answered with the error page and no Location, on GET,
 * on a form POST and in the login form's own POST; {@code state} and other request values with markup come back only
 * URL-encoded in a Location and HTML-escaped in a page.
 *
 * <p>storefront/AuthorizationRequestErrorsTest already covers trailing slash, longer and shorter paths, host and path
 * case, http instead of https, an added query or fragment, a percent-encoded path character, a host suffix, userinfo,
 * a URL in the query, {@code javascript:} and a scheme-relative URI; the variants here are the others.
 */
@QuarkusTest
class OpenRedirectTest {

    private static final String REGISTERED = "https://app.example.com/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = CodeChallenge.of(VERIFIER).value();
    private static final String MARKUP = "<script>alert('x')</script>\"'&x=1 %0d%0a";

    private static AttackStage stage;

    @BeforeEach
    void setUp() {
        if (stage != null) {
            return;
        }
        AttackStage created = AttackStage.create("atk-redirect");
        AttackStage.client(created.slug(), "{\"client_id\":\"web\",\"name\":\"Web <b>Shop</b>\","
                + "\"grant_types\":[\"authorization_code\"],\"scopes\":[\"catalog:read\"],"
                + "\"redirect_uris\":[\"" + REGISTERED + "\",\"https://app.example.com:8443/cb\"]}");
        AttackStage.client(created.slug(), "{\"client_id\":\"spa\",\"name\":\"SPA\",\"token_endpoint_auth_method\":"
                + "\"none\",\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"" + REGISTERED + "\"]}");
        stage = created;
    }

    private static RequestSpecification request() {
        // sent as given: RestAssured must not re-encode what a test has already encoded
        return RestAssured.given().config(RestAssuredConfig.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                        .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)))
                .header("Host", stage.host());
    }

    /** Near misses of {@link #REGISTERED} not covered by AuthorizationRequestErrorsTest. */
    private static List<String> nearMisses() {
        return List.of(
                "https://app.example.com/callback.evil.com",
                "https://app.example.com/callback/../x",
                "https://app.example.com/callback/..%2Fx",
                "https://app.example.com/callback%2F..%2Fx",
                "https://app.example.com/callback;x=1",
                "https://app.example.com/callback?",
                "https://app.example.com/callback#",
                "https://app.example.com/callback?next=https://evil.example",
                "HTTPS://app.example.com/callback",
                "hTTps://app.example.com/callback",
                "https://app.example.com:443/callback",
                "https://app.example.com:8443/callback",
                "https://app.example.com./callback",
                "https://app.exаmple.com/callback", // Cyrillic а
                "https://xn--app-example-xyz.com/callback",
                "https%3A%2F%2Fapp.example.com%2Fcallback",
                "https://app.example.com%2Fcallback",
                "https://app.example.com%2F@evil.example/callback",
                "https://app.example.com\\@evil.example/callback",
                "https://app.example.com@evil.example",
                "https://evil.example/callback#https://app.example.com/callback",
                "https://evil.example/https://app.example.com/callback",
                "https:/app.example.com/callback",
                "https:app.example.com/callback",
                "https://app.example.com/callback ",
                " https://app.example.com/callback",
                "https://app.example.com/callback\t",
                "https://app.example.com/callback\r\nLocation: https://evil.example",
                "https://app.example.com/callback%0d%0aLocation:%20https://evil.example",
                "https://app.example.com/callback\u0000",
                "https://app.example.com/callback\u2028",
                "JAVASCRIPT:alert(1)",
                "javascript://app.example.com/callback%0aalert(1)",
                "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)",
                "file:///etc/passwd",
                "http://127.0.0.1/callback",
                "");
    }

    private static Map<String, String> query(String redirectUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", "web");
        query.put("redirect_uri", redirectUri);
        query.put("state", MARKUP);
        return query;
    }

    /** An error page: 400, HTML, no Location, framing refused, and nothing of the request echoed unescaped. */
    private static void errorPage(Response response) {
        response.then().statusCode(400).header("Location", nullValue()).contentType(containsString("text/html"))
                .header("X-Frame-Options", "DENY");
        String body = response.asString();
        assertFalse(body.contains("<script>"), body);
    }

    @Test
    void noNearMissIsRedirectedToOnGet() {
        List<String> failures = new ArrayList<>();
        for (String uri : nearMisses()) {
            Response response = request().queryParams(query(uri)).get("/oauth/authorize");
            try {
                errorPage(response);
            } catch (AssertionError e) {
                failures.add("[" + uri + "] -> " + response.statusCode() + " " + response.header("Location"));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void noNearMissIsRedirectedToOnAFormPostOrAtTheRealmPath() {
        List<String> failures = new ArrayList<>();
        for (String uri : nearMisses()) {
            for (Response response : List.of(
                    request().formParams(query(uri)).post("/oauth/authorize"),
                    request().queryParams(query(uri)).get("/auth/realms/" + stage.slug() + "/protocol/openid-connect/auth"))) {
                try {
                    errorPage(response);
                } catch (AssertionError e) {
                    failures.add("[" + uri + "] -> " + response.statusCode() + " " + response.header("Location"));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void errorsThatWouldGoToTheClientStayOnThePageWhenTheRedirectUriIsNotRegistered() {
        for (Map<String, String> overrides : List.<Map<String, String>>of(
                Map.of("response_type", "token"), Map.of("scope", "admin"), Map.of("code_challenge_method", "plain"),
                Map.of("prompt", "none"))) {
            Map<String, String> query = query("https://evil.example/callback");
            query.putAll(overrides);
            errorPage(request().queryParams(query).get("/oauth/authorize"));
        }
    }

    @Test
    void theRegisteredUriWithItsOwnPortIsTheOnlyOneAccepted() {
        Map<String, String> query = query("https://app.example.com:8443/cb");
        query.put("response_type", "token");
        Response response = request().queryParams(query).get("/oauth/authorize");
        response.then().statusCode(302);
        assertTrue(response.header("Location").startsWith("https://app.example.com:8443/cb?"),
                response.header("Location"));
    }

    // ---- the login form's POST: the redirect_uri is checked again, not trusted from the hidden field

    private static Response loginPage(String state) {
        return request().queryParam("response_type", "code").queryParam("client_id", "spa")
                .queryParam("redirect_uri", REGISTERED).queryParam("state", state)
                .queryParam("code_challenge", CHALLENGE).queryParam("code_challenge_method", "S256")
                .get("/oauth/authorize");
    }

    private static Response signIn(Response page, String redirectUri, String state, String password) {
        return request().cookie("tollgate_login_csrf", page.cookie("tollgate_login_csrf"))
                .formParam("response_type", "code").formParam("client_id", "spa")
                .formParam("redirect_uri", redirectUri).formParam("state", state)
                .formParam("code_challenge", CHALLENGE).formParam("code_challenge_method", "S256")
                .formParam("csrf_token", page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value"))
                .formParam("username", AttackStage.CUSTOMER_EMAIL).formParam("password", password)
                .formParam("action", "sign_in")
                .post("/oauth/authorize");
    }

    @Test
    void aSignInWhoseHiddenRedirectUriWasChangedIsNotRedirected() {
        for (String uri : List.of("https://evil.example/callback", "https://app.example.com/callback/../x",
                "https://app.example.com@evil.example/callback")) {
            Response page = loginPage("s");
            page.then().statusCode(200);
            errorPage(signIn(page, uri, "s", AttackStage.CUSTOMER_PASSWORD));
        }
        // the same form with the registered URI signs in: the refusals above were about the URI
        Response page = loginPage("s");
        signIn(page, REGISTERED, "s", AttackStage.CUSTOMER_PASSWORD).then().statusCode(303);
    }

    // ---- state and other values with markup

    @Test
    void stateWithMarkupIsHtmlEscapedInTheLoginPageAndUrlEncodedInTheRedirect() {
        Response page = loginPage(MARKUP);
        page.then().statusCode(200).contentType(containsString("text/html"));
        String html = page.asString();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("alert('x')</script>\""), html);
        assertEquals(MARKUP, page.htmlPath().getString("**.find { it.@name == 'state' }.@value"),
                "the hidden field carries the state, escaped only for HTML");

        // a failed sign-in shows the page again: escaped the same way
        Response failed = signIn(page, REGISTERED, MARKUP, "Wr0ng-password-for-the-test");
        failed.then().statusCode(200).header("Location", nullValue());
        assertFalse(failed.asString().contains("<script>"), failed.asString());

        Response signedIn = signIn(loginPage(MARKUP), REGISTERED, MARKUP, AttackStage.CUSTOMER_PASSWORD);
        signedIn.then().statusCode(303);
        assertEncodedRedirect(signedIn.header("Location"));
    }

    @Test
    void stateWithMarkupOrLineBreaksIsUrlEncodedInAnErrorRedirect() {
        for (String state : List.of(MARKUP, "x\r\nSet-Cookie: injected=1", "x\nLocation: https://evil.example",
                "\u202e<img src=x onerror=alert(1)>")) {
            Map<String, String> query = query(REGISTERED);
            query.put("state", state);
            query.put("scope", "not-a-scope-of-this-client");
            Response response = request().queryParams(query).get("/oauth/authorize");
            response.then().statusCode(302).header("Set-Cookie", nullValue());
            String location = response.header("Location");
            assertEncodedRedirect(location);
            assertEquals(state, decodedQuery(location).get("state"));
        }
        // a NUL anywhere in the query is refused before any endpoint runs: an error page, no redirect
        Map<String, String> query = query(REGISTERED);
        query.put("state", "\u0000\u202e<img src=x onerror=alert(1)>");
        Response refused = request().queryParams(query).get("/oauth/authorize");
        refused.then().statusCode(400).header("Location", nullValue()).header("Set-Cookie", nullValue());
        assertFalse(refused.asString().contains("<img"), refused.asString());
    }

    @Test
    void requestValuesWithMarkupAreEscapedOnTheErrorPage() {
        for (Map<String, String> query : List.<Map<String, String>>of(
                Map.of("response_type", "code", "client_id", "<script>alert(1)</script>", "redirect_uri", REGISTERED),
                Map.of("response_type", "code", "client_id", "web", "redirect_uri", "https://e.example/<script>alert(1)</script>"),
                Map.of("response_type", "code", "client_id", "web"))) {
            Response response = request().queryParams(query).get("/oauth/authorize");
            response.then().statusCode(400).header("Location", nullValue());
            assertFalse(response.asString().contains("<script>"), response.asString());
        }
        // the client's own name, chosen by whoever registered it, is escaped too
        Response page = request().queryParam("response_type", "code").queryParam("client_id", "web")
                .queryParam("redirect_uri", REGISTERED).get("/oauth/authorize");
        page.then().statusCode(200);
        assertTrue(page.asString().contains("Web &lt;b&gt;Shop&lt;/b&gt;"), page.asString());
    }

    /** A Location with nothing a browser or a header parser could read as markup or as another header. */
    private static void assertEncodedRedirect(String location) {
        assertTrue(location.startsWith(REGISTERED + "?"), location);
        for (char c : new char[] {'<', '>', '"', '\'', ' ', '\r', '\n', '\u0000'}) {
            assertFalse(location.indexOf(c) >= 0, "unencoded " + (int) c + " in " + location);
        }
        assertTrue(URI.create(location).getHost().equals("app.example.com"), location);
    }

    private static Map<String, String> decodedQuery(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
