package dev.tollgate.bootstrap.storefront;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 §4 (refresh tokens, rotated on every use, RFC 9700 §4.14) and the password grant (RFC 6749 §4.3), a
 * legacy surface served with the deprecation headers.
 */
@QuarkusTest
class RefreshAndPasswordGrantTest {

    private static final String CLIENT = "pos";
    private static StorefrontStage stage;
    private static String secret;
    private static String otherSecret;

    @BeforeEach
    void stage() {
        if (stage != null) {
            return;
        }
        stage = StorefrontStage.create("sf-refresh");
        secret = stage.client("{\"client_id\":\"pos\",\"name\":\"POS\",\"grant_types\":[\"password\",\"refresh_token\"],"
                + "\"scopes\":[\"catalog:read\",\"orders:write\"]}");
        otherSecret = stage.client("{\"client_id\":\"other\",\"name\":\"Other\",\"grant_types\":[\"password\",\"refresh_token\"]}");
        stage.client("{\"client_id\":\"no-password\",\"name\":\"No\",\"grant_types\":[\"client_credentials\"]}");
        stage.client("{\"client_id\":\"kiosk\",\"name\":\"Kiosk\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"password\",\"refresh_token\"]}");
    }

    private static RequestSpecification client(String id, String clientSecret) {
        return given().header("Host", stage.host()).auth().preemptive().basic(id, clientSecret);
    }

    private static Response password(RequestSpecification request) {
        return request.formParam("grant_type", "password").formParam("username", stage.shopperEmail())
                .formParam("password", StorefrontStage.PASSWORD).post("/oauth/token");
    }

    private static Response refresh(String refreshToken) {
        return client(CLIENT, secret).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/oauth/token");
    }

    @Test
    void passwordGrantWorksWithTheDeprecationHeaders() throws Exception {
        Response response = password(client(CLIENT, secret));
        response.then().statusCode(200)
                .header("Deprecation", startsWith("@"))
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"deprecation\""))
                .body("expires_in", equalTo(899))
                .body("refresh_token", not(nullValue()));
        assertEquals("password", SignedJWT.parse(response.path("access_token")).getJWTClaimsSet().getStringClaim("gty"));
    }

    @Test
    void passwordGrantRefusals() {
        client(CLIENT, secret).formParam("grant_type", "password").formParam("username", stage.shopperEmail())
                .formParam("password", "wrong").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Invalid username or password"));
        client(CLIENT, secret).formParam("grant_type", "password").formParam("username", "ghost@nowhere")
                .formParam("password", "wrong").post("/oauth/token")
                .then().statusCode(400).body("error_description", equalTo("Invalid username or password"));
        client(CLIENT, secret).formParam("grant_type", "password").formParam("username", stage.shopperEmail())
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().header("Host", stage.host()).formParam("grant_type", "password").formParam("client_id", "no-password")
                .formParam("username", "x").formParam("password", "y").post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        client(CLIENT, secret).formParam("grant_type", "password").formParam("username", stage.shopperEmail())
                .formParam("password", StorefrontStage.PASSWORD).formParam("scope", "admin").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheFamily() {
        String first = password(client(CLIENT, secret)).then().statusCode(200).extract().path("refresh_token");
        Response second = refresh(first);
        second.then().statusCode(200).body("token_type", equalTo("bearer")).body("expires_in", equalTo(899));
        String next = second.path("refresh_token");
        assertNotEquals(first, next);
        // the rotated token comes back: someone else has it, so the whole family goes
        refresh(first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(next).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void scopeMayNarrowButNeverWiden() throws Exception {
        String token = password(client(CLIENT, secret).formParam("scope", "catalog:read")).path("refresh_token");
        refresh(token).then().statusCode(200);
        String narrowed = password(client(CLIENT, secret)).path("refresh_token");
        Response response = client(CLIENT, secret).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", narrowed).formParam("scope", "catalog:read").post("/oauth/token");
        response.then().statusCode(200).body("scope", equalTo("catalog:read"));
        String limited = password(client(CLIENT, secret).formParam("scope", "catalog:read")).path("refresh_token");
        client(CLIENT, secret).formParam("grant_type", "refresh_token").formParam("refresh_token", limited)
                .formParam("scope", "catalog:read orders:write").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
        // the refused widening did not spend the token
        refresh(limited).then().statusCode(200).body("scope", equalTo("catalog:read"));
    }

    @Test
    void aRefreshTokenIsBoundToItsClient() {
        String token = password(client(CLIENT, secret)).path("refresh_token");
        client("other", otherSecret).formParam("grant_type", "refresh_token").formParam("refresh_token", token)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        // the stranger's attempt neither spent nor revoked it
        refresh(token).then().statusCode(200);
    }

    @Test
    void confidentialClientsMustAuthenticateToRefresh() {
        String token = password(client(CLIENT, secret)).path("refresh_token");
        given().header("Host", stage.host()).formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                .formParam("refresh_token", token).post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void publicClientsRefreshWithTheirClientId() {
        String token = password(given().header("Host", stage.host()).formParam("client_id", "kiosk"))
                .then().statusCode(200).extract().path("refresh_token");
        given().header("Host", stage.host()).formParam("grant_type", "refresh_token").formParam("client_id", "kiosk")
                .formParam("refresh_token", token).post("/oauth/token")
                .then().statusCode(200).body("refresh_token", not(equalTo(token)));
    }

    @Test
    void unknownAndMissingRefreshTokens() {
        refresh("not-a-token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        client(CLIENT, secret).formParam("grant_type", "refresh_token").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void parallelRefreshesOfOneTokenSucceedOnce() throws Exception {
        String token = password(client(CLIENT, secret)).path("refresh_token");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> refresh(token).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Seed 003 §4's curl, one-to-one: form body with client_id and client_secret, and the seed's csrf cookie. */
    @Test
    void seedRefreshCall() {
        String token = password(client(CLIENT, secret)).path("refresh_token");
        Response response = given().header("Host", stage.host())
                .contentType("application/x-www-form-urlencoded").cookie("csrf_token", "")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", token)
                .formParam("client_id", CLIENT).formParam("client_secret", secret)
                .post("/oauth/token");
        response.then().statusCode(200);
        assertEquals(List.of("access_token", "token_type", "expires_in", "refresh_token", "scope"),
                new ArrayList<>(response.jsonPath().getMap("").keySet()));
    }
}
