package dev.tollgate.bootstrap.storefront;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6749 §4.1.2.1: until the client and its redirect URI are trusted, errors are shown on a page and never
 * redirected (no open redirector); after that, they go back to the client with error, error_description, state, iss.
 */
@QuarkusTest
class AuthorizationRequestErrorsTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static StorefrontStage stage;

    @BeforeEach
    void stage() {
        if (stage != null) {
            return;
        }
        stage = StorefrontStage.create("sf-errors");
        stage.client("{\"client_id\":\"app\",\"name\":\"App\",\"grant_types\":[\"authorization_code\"],"
                + "\"scopes\":[\"catalog:read\"],\"redirect_uris\":[\"" + StorefrontStage.REDIRECT + "\"]}");
        stage.client("{\"client_id\":\"public-app\",\"name\":\"Public\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"" + StorefrontStage.REDIRECT + "\"]}");
        stage.client("{\"client_id\":\"machine\",\"name\":\"Machine\",\"grant_types\":[\"client_credentials\"],"
                + "\"redirect_uris\":[\"" + StorefrontStage.REDIRECT + "\"]}");
        String owner = stage.user("owner@sf-errors.run", "owner", "0wner-password-for-tests");
        stage.client("{\"client_id\":\"owned\",\"name\":\"Owned\",\"kind\":\"user\",\"owner\":\"" + owner + "\","
                + "\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"" + StorefrontStage.REDIRECT + "\"]}");
    }

    private static RequestSpecification request() {
        return given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .header("Host", stage.host());
    }

    private static Response authorize(Map<String, String> query) {
        return request().queryParams(query).get("/oauth/authorize");
    }

    private static void errorPage(Response response, String message) {
        response.then().statusCode(400).header("Location", nullValue()).contentType(containsString("text/html"))
                .header("X-Frame-Options", "DENY").body(containsString(message));
    }

    @Test
    void missingOrUnknownClientIsAnErrorPage() {
        errorPage(authorize(Map.of("response_type", "code", "redirect_uri", StorefrontStage.REDIRECT)),
                "client_id is missing");
        errorPage(authorize(Map.of("response_type", "code", "client_id", "nobody",
                "redirect_uri", StorefrontStage.REDIRECT)), "Unknown client");
        // the built-in v0 client has no authorization endpoint
        errorPage(authorize(Map.of("response_type", "code", "client_id", "legacy-v0",
                "redirect_uri", StorefrontStage.REDIRECT)), "Unknown client");
    }

    @Test
    void missingRedirectUriIsAnErrorPage() {
        errorPage(authorize(Map.of("response_type", "code", "client_id", "app")), "redirect_uri");
    }

    /** Exact matching only (RFC 9700 §4.1.3): every near miss is refused on the page. */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example.com/callback/", "https://app.example.com/callbackx", "https://app.example.com/call",
            "https://APP.example.com/callback", "https://app.example.com/Callback", "http://app.example.com/callback",
            "https://app.example.com/callback?x=1", "https://app.example.com/callback#frag",
            "https://app.example.com/%63allback", "https://app.example.com.evil.example/callback",
            "https://app.example.com@evil.example/callback", "https://evil.example/?https://app.example.com/callback",
            "javascript:alert(1)", "//evil.example/callback"})
    void anyOtherRedirectUriIsAnErrorPage(String redirectUri) {
        errorPage(authorize(Map.of("response_type", "code", "client_id", "app", "redirect_uri", redirectUri)),
                "not registered");
    }

    @Test
    void repeatedClientIdIsAnErrorPage() {
        errorPage(request().queryParam("client_id", "app", "app").queryParam("response_type", "code")
                .queryParam("redirect_uri", StorefrontStage.REDIRECT).get("/oauth/authorize"), "sent once");
    }

    @Test
    void unknownTenantIsAnErrorPage() {
        given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .queryParam("client_id", "app").get("/auth/realms/no-such-tenant/protocol/openid-connect/auth")
                .then().statusCode(404).header("Location", nullValue()).body(containsString("Unknown tenant"));
    }

    private static Map<String, String> redirected(Response response) {
        response.then().statusCode(302);
        String location = response.header("Location");
        assertEquals(StorefrontStage.REDIRECT, location.substring(0, location.indexOf('?')));
        Map<String, String> query = StorefrontStage.query(location);
        assertFalse(query.containsKey("code"));
        return query;
    }

    private static void redirectedError(Map<String, String> query, String error, String description) {
        Map<String, String> redirect = redirected(authorize(query));
        assertEquals(error, redirect.get("error"), redirect.toString());
        assertEquals("st<>&=1", redirect.get("state"), "state comes back unchanged");
        if (description != null) {
            assertEquals(description, redirect.get("error_description"));
        }
    }

    private static Map<String, String> valid(String... overrides) {
        Map<String, String> query = new java.util.HashMap<>(Map.of("response_type", "code", "client_id", "app",
                "redirect_uri", StorefrontStage.REDIRECT, "state", "st<>&=1"));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                query.remove(overrides[i]);
            } else {
                query.put(overrides[i], overrides[i + 1]);
            }
        }
        return query;
    }

    @Test
    void otherErrorsAreRedirectedToTheClient() {
        redirectedError(valid("response_type", null), "invalid_request", "Missing parameter: response_type");
        redirectedError(valid("response_type", "token"), "unsupported_response_type", null);
        redirectedError(valid("scope", "orders:write"), "invalid_scope", null);
        redirectedError(valid("scope", "bad\"scope"), "invalid_scope", null);
        redirectedError(valid("client_id", "machine"), "unauthorized_client", null);
        redirectedError(valid("code_challenge", CHALLENGE, "code_challenge_method", "plain"), "invalid_request",
                "code_challenge_method must be S256");
        redirectedError(valid("code_challenge", CHALLENGE), "invalid_request", "code_challenge_method must be S256");
        redirectedError(valid("code_challenge_method", "S256"), "invalid_request", "Missing parameter: code_challenge");
        redirectedError(valid("code_challenge", "short", "code_challenge_method", "S256"), "invalid_request", null);
        redirectedError(valid("client_id", "public-app"), "invalid_request",
                "A public client must use PKCE (code_challenge with S256)");
        redirectedError(valid("state", "st<>&=1", "scope", "x".repeat(3000)), "invalid_request", null);
    }

    @Test
    void theIssuerComesWithEveryRedirect() {
        Map<String, String> redirect = redirected(authorize(valid("response_type", "token")));
        assertEquals(true, redirect.get("iss").endsWith("/auth/realms/sf-errors"));
    }

    @Test
    void repeatedParametersAreRedirectedAsInvalidRequest() {
        Map<String, String> redirect = redirected(request().queryParam("client_id", "app")
                .queryParam("redirect_uri", StorefrontStage.REDIRECT).queryParam("response_type", "code", "code")
                .get("/oauth/authorize"));
        assertEquals("invalid_request", redirect.get("error"));
        assertEquals("Parameter is repeated: response_type", redirect.get("error_description"));
    }

    @Test
    void emailIsRefusedFromPublicAndUserScopedClients() {
        redirectedError(valid("client_id", "public-app", "email", stage.shopperEmail(), "code_challenge", CHALLENGE,
                "code_challenge_method", "S256"), "invalid_request", "email is accepted only from confidential tenant-scoped clients");
        redirectedError(valid("client_id", "owned", "email", stage.shopperEmail()), "invalid_request", null);
    }

    @Test
    void unknownOrDisabledEmailIsAccessDenied() {
        redirectedError(valid("email", "ghost@sf-errors.run"), "access_denied", null);
    }

    @Test
    void aConfidentialUserScopedClientGetsCodesForItsOwner() {
        Response response = authorize(valid("client_id", "owned"));
        response.then().statusCode(302);
        Map<String, String> redirect = StorefrontStage.query(response.header("Location"));
        assertEquals("st<>&=1", redirect.get("state"));
        assertFalse(redirect.get("code").isEmpty());
    }

    @Test
    void otherMediaTypesAreRefusedOnAPage() {
        request().contentType("application/json").body("{}").post("/oauth/authorize")
                .then().statusCode(415).header("Location", nullValue());
    }
}
