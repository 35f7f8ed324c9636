package dev.tollgate.bootstrap.moltin;

import static dev.tollgate.bootstrap.moltin.MoltinStage.assertJsonApiError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.bootstrap.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 004's customer tokens, {@code POST /v2/customers/tokens}, on PostgreSQL. */
@QuarkusTest
class CustomerTokenTest {

    private static MoltinStage stage;

    @Inject
    TestClock clock;

    @BeforeEach
    void stage() {
        if (stage == null) {
            stage = MoltinStage.create("moltin-customers");
        }
    }

    private Response post(String bearer, String contentType, String body) {
        return stage.request().auth().oauth2(bearer).contentType(contentType).body(body).post("/v2/customers/tokens");
    }

    @Test
    void anImplicitTokenSignsACustomerIn() throws Exception {
        long before = clock.instant().getEpochSecond();
        Response response = stage.customerToken(stage.implicitToken(), MoltinStage.CUSTOMER_EMAIL,
                MoltinStage.CUSTOMER_PASSWORD);
        long after = clock.instant().getEpochSecond();
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("data.type", equalTo("token"))
                .body("data.customer_id", equalTo(stage.customerId()));
        assertEquals(List.of("data"), List.copyOf(response.as(Map.class).keySet()));
        Map<String, Object> data = response.path("data");
        assertEquals(List.of("type", "id", "customer_id", "token", "expires"), List.copyOf(data.keySet()));
        long expires = ((Number) data.get("expires")).longValue();
        assertTrue(expires >= before + 86_400 && expires <= after + 86_400, "a 24-hour token");

        JWTClaimsSet claims = stage.verify((String) data.get("token"));
        assertEquals(stage.customerId(), claims.getSubject(), "the customer is the subject");
        assertEquals(MoltinStage.STORE, claims.getStringClaim("client_id"));
        assertEquals("customer_token", claims.getStringClaim("gty"));
        assertEquals(null, claims.getClaim("scope"), "no scope of its own: it rides beside the store's token");
        assertEquals(expires, claims.getExpirationTime().getTime() / 1000);
        assertEquals(data.get("id"), claims.getJWTID());
    }

    @Test
    void aClientCredentialsTokenMayAskToo() {
        String backendToken = stage.clientCredentials(MoltinStage.BACKEND, stage.backendSecret()).path("access_token");
        stage.customerToken(backendToken, MoltinStage.CUSTOMER_EMAIL, MoltinStage.CUSTOMER_PASSWORD)
                .then().statusCode(200).body("data.customer_id", equalTo(stage.customerId()));
    }

    @Test
    void theEmailIsMatchedWithoutCaseAndTheMechanismIsOptional() {
        post(stage.implicitToken(), "application/vnd.api+json", "{\"data\":{\"type\":\"token\",\"email\":\""
                + MoltinStage.CUSTOMER_EMAIL.toUpperCase() + "\",\"password\":\"" + MoltinStage.CUSTOMER_PASSWORD
                + "\"}}").then().statusCode(200).body("data.customer_id", equalTo(stage.customerId()));
    }

    @Test
    void introspectionReportsTheCustomer() {
        String resourceServerSecret = stage.client("{\"client_id\":\"orders-api\",\"name\":\"Orders API\","
                + "\"grant_types\":[\"client_credentials\"]}");
        String customerToken = stage.customerToken(stage.implicitToken(), MoltinStage.CUSTOMER_EMAIL,
                MoltinStage.CUSTOMER_PASSWORD).path("data.token");
        stage.request().auth().preemptive().basic("orders-api", resourceServerSecret)
                .formParam("token", customerToken).post("/oauth/introspect")
                .then().statusCode(200)
                .body("active", equalTo(true))
                .body("sub", equalTo(stage.customerId()))
                .body("username", equalTo(MoltinStage.CUSTOMER_EMAIL))
                .body("client_id", equalTo(MoltinStage.STORE));
    }

    @Test
    void wrongCredentialsLookTheSameWhoeverIsAsked() {
        String bearer = stage.implicitToken();
        Response wrongPassword = stage.customerToken(bearer, MoltinStage.CUSTOMER_EMAIL, "wrong-password");
        Response unknownEmail = stage.customerToken(bearer, "nobody@swanson.example", "wrong-password");
        Response username = stage.customerToken(bearer, "ron", MoltinStage.CUSTOMER_PASSWORD);
        for (Response response : List.of(wrongPassword, unknownEmail, username)) {
            assertJsonApiError(response, 401, "Invalid Credentials");
        }
        assertEquals(wrongPassword.asString(), unknownEmail.asString(), "no user enumeration");
        assertEquals(wrongPassword.asString(), username.asString(), "customers sign in by email only");
    }

    /** Found by the fuzz test: PostgreSQL cannot compare text with a NUL, and the lookup used to fail with a 500. */
    @Test
    void aNulInTheEmailIsWrongCredentials() {
        assertJsonApiError(post(stage.implicitToken(), "application/json", "{\"data\":{\"type\":\"token\",\"email\":\""
                + MoltinStage.CUSTOMER_EMAIL + "\\u0000\",\"password\":\"" + MoltinStage.CUSTOMER_PASSWORD + "\"}}"),
                401, "Invalid Credentials");
    }

    @Test
    void aDisabledCustomerIsRefusedLikeAWrongPassword() {
        String id = given().auth().oauth2(dev.tollgate.bootstrap.support.AdminTokens.operator())
                .contentType(ContentType.JSON)
                .body("{\"email\":\"leslie@knope.example\",\"username\":\"leslie\",\"password\":\"waffles-and-friends\","
                        + "\"enabled\":false}")
                .post("/admin/tenants/" + stage.slug() + "/users").then().statusCode(201).extract().path("id");
        assertTrue(!id.isEmpty());
        assertJsonApiError(stage.customerToken(stage.implicitToken(), "leslie@knope.example", "waffles-and-friends"),
                401, "Invalid Credentials");
    }

    @Test
    void theBearerMustBeAValidTokenOfTheStore() {
        // none at all
        Response missing = stage.request().contentType(ContentType.JSON)
                .body("{\"data\":{\"type\":\"token\",\"email\":\"a@b.c\",\"password\":\"x\"}}")
                .post("/v2/customers/tokens");
        assertJsonApiError(missing, 401, "Invalid Access Token");
        // RFC 6750 §3.1: no credentials, no error code in the challenge
        assertEquals("Bearer realm=\"tollgate\"", missing.header("WWW-Authenticate"));
        // the client's secret is not a token
        assertJsonApiError(stage.request().auth().preemptive().basic(MoltinStage.STORE, stage.storeSecret())
                .contentType(ContentType.JSON).body("{}").post("/v2/customers/tokens"), 401, "Invalid Access Token");
        Response garbage = stage.customerToken("not-a-token", MoltinStage.CUSTOMER_EMAIL,
                MoltinStage.CUSTOMER_PASSWORD);
        assertJsonApiError(garbage, 401, "Invalid Access Token");
        assertEquals("Bearer realm=\"tollgate\", error=\"invalid_token\"", garbage.header("WWW-Authenticate"));
        // a token of another tenant
        MoltinStage other = MoltinStage.create("moltin-customers-other");
        assertJsonApiError(stage.customerToken(other.implicitToken(), MoltinStage.CUSTOMER_EMAIL,
                MoltinStage.CUSTOMER_PASSWORD), 401, "Invalid Access Token");
        // a tampered one
        String token = stage.implicitToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertJsonApiError(stage.customerToken(tampered, MoltinStage.CUSTOMER_EMAIL, MoltinStage.CUSTOMER_PASSWORD),
                401, "Invalid Access Token");
    }

    @Test
    void aRevokedBearerIsRefused() {
        String token = stage.implicitToken();
        stage.request().auth().preemptive().basic(MoltinStage.STORE, stage.storeSecret())
                .formParam("token", token).post("/oauth/revoke").then().statusCode(200);
        assertJsonApiError(stage.customerToken(token, MoltinStage.CUSTOMER_EMAIL, MoltinStage.CUSTOMER_PASSWORD),
                401, "Invalid Access Token");
    }

    @Test
    void anExpiredBearerIsRefused() {
        MoltinStage own = MoltinStage.create("moltin-customers-expiry");
        String token = own.implicitToken();
        clock.advance(Duration.ofSeconds(3601));
        assertJsonApiError(own.customerToken(token, MoltinStage.CUSTOMER_EMAIL, MoltinStage.CUSTOMER_PASSWORD),
                401, "Invalid Access Token");
    }

    @Test
    void aCustomerTokenDoesNotMakeMoreCustomerTokens() {
        String customerToken = stage.customerToken(stage.implicitToken(), MoltinStage.CUSTOMER_EMAIL,
                MoltinStage.CUSTOMER_PASSWORD).path("data.token");
        assertJsonApiError(stage.customerToken(customerToken, MoltinStage.CUSTOMER_EMAIL,
                MoltinStage.CUSTOMER_PASSWORD), 403, "Forbidden");
    }

    @Test
    void aDisabledClientsTokenNoLongerWorks() {
        String secret = stage.client("{\"client_id\":\"retired-store\",\"name\":\"Retired\","
                + "\"grant_types\":[\"implicit\"]}");
        assertTrue(secret != null);
        String token = stage.implicit("retired-store").path("access_token");
        given().auth().oauth2(dev.tollgate.bootstrap.support.AdminTokens.operator()).contentType(ContentType.JSON)
                .body("{\"enabled\":false}")
                .patch("/admin/tenants/" + stage.slug() + "/clients/retired-store").then().statusCode(200);
        assertJsonApiError(stage.customerToken(token, MoltinStage.CUSTOMER_EMAIL, MoltinStage.CUSTOMER_PASSWORD),
                401, "Invalid Access Token");
    }

    @Test
    void malformedBodiesAreRefusedInTheErrorShape() {
        String bearer = stage.implicitToken();
        assertJsonApiError(post(bearer, "application/json", "{\"data\":"), 400, "Bad Request");
        assertJsonApiError(post(bearer, "application/json", "not json"), 400, "Bad Request");
        assertJsonApiError(post(bearer, "application/json", "{\"data\":{\"type\":\"token\",\"email\":\""
                + MoltinStage.CUSTOMER_EMAIL + "\",\"password\":\"" + MoltinStage.CUSTOMER_PASSWORD + "\"}} {}"),
                400, "Bad Request");
        assertJsonApiError(post(bearer, "application/json",
                "{\"data\":{\"type\":\"token\",\"type\":\"token\",\"email\":\"a@b.c\",\"password\":\"x\"}}"),
                400, "Bad Request");
        for (String body : List.of(
                "[]",
                "{}",
                "{\"data\":[]}",
                "{\"data\":{\"email\":\"a@b.c\",\"password\":\"x\"}}",
                "{\"data\":{\"type\":\"customer\",\"email\":\"a@b.c\",\"password\":\"x\"}}",
                "{\"data\":{\"type\":\"token\",\"password\":\"x\"}}",
                "{\"data\":{\"type\":\"token\",\"email\":\"a@b.c\"}}",
                "{\"data\":{\"type\":\"token\",\"email\":42,\"password\":\"x\"}}",
                "{\"data\":{\"type\":\"token\",\"email\":\"a@b.c\",\"password\":\"\"}}",
                "{\"data\":{\"type\":\"token\",\"email\":\"a@b.c\",\"password\":\"x\","
                        + "\"authentication_mechanism\":\"oidc\"}}")) {
            assertJsonApiError(post(bearer, "application/json", body), 422, "Unprocessable Entity");
        }
        assertJsonApiError(post(bearer, "text/plain", "{}"), 415, "Unsupported Media Type");
        assertJsonApiError(post(bearer, "application/json", "{\"pad\":\"" + "x".repeat(20_000) + "\"}"),
                413, "Payload Too Large");
    }

    @Test
    void otherMethodsAreRefusedInTheErrorShape() {
        assertJsonApiError(stage.request().get("/v2/customers/tokens"), 405, "Method Not Allowed");
        assertJsonApiError(stage.request().get("/v2/customers/nothing-here"), 404, "Not Found");
    }

    @Test
    void nothingOfTheSecretsIsEchoed() {
        Response response = stage.customerToken(stage.implicitToken(), MoltinStage.CUSTOMER_EMAIL, "wrong-password");
        assertTrue(!response.asString().contains("wrong-password"));
        response.then().header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
        stage.customerToken(stage.implicitToken(), MoltinStage.CUSTOMER_EMAIL, MoltinStage.CUSTOMER_PASSWORD)
                .then().statusCode(200).body("data.token", startsWith("ey"));
    }
}
