package dev.tollgate.bootstrap.moltin;

import static dev.tollgate.bootstrap.moltin.MoltinStage.assertJsonApiError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 004's token endpoint, {@code POST /oauth/access_token}, on PostgreSQL: bodies, scopes, lifetimes, errors. */
@QuarkusTest
class MoltinTokenEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MoltinStage stage;

    @Inject
    TestClock clock;

    @BeforeEach
    void stage() {
        // lazily: the application is up only once the first test runs
        if (stage == null) {
            stage = MoltinStage.create("moltin-token");
        }
    }

    /** The JSON object's field names in the order the body has them. */
    private static List<String> fieldOrder(Response response) throws Exception {
        JsonNode body = JSON.readTree(response.asString());
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void clientCredentialsAnswersWithExactlyTheSeedsFiveFields() throws Exception {
        long before = clock.instant().getEpochSecond();
        Response response = stage.clientCredentials(MoltinStage.STORE, stage.storeSecret());
        long after = clock.instant().getEpochSecond();
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("identifier", equalTo("client_credentials"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600));
        assertEquals(List.of("expires", "identifier", "expires_in", "access_token", "token_type"),
                fieldOrder(response));
        long expires = ((Number) response.path("expires")).longValue();
        assertTrue(expires >= before + 3600 && expires <= after + 3600,
                "expires is the absolute expiry: now + expires_in, was " + expires + " for now " + before);

        JWTClaimsSet claims = stage.verify(response.path("access_token"));
        assertEquals(expires, claims.getExpirationTime().getTime() / 1000, "expires is the token's exp");
        assertEquals(MoltinStage.STORE, claims.getSubject());
        assertEquals(MoltinStage.STORE, claims.getStringClaim("client_id"));
        // a backend token carries the client's full scopes
        assertEquals("catalog:read catalog:write orders:read customers:read carts:read",
                claims.getStringClaim("scope"));
        assertEquals(null, response.header("Deprecation"), "client_credentials is not a legacy surface");
    }

    @Test
    void implicitNeedsOnlyTheClientIdAndCarriesTheNarrowScope() throws Exception {
        Response response = stage.implicit(MoltinStage.STORE);
        response.then().statusCode(200)
                .body("identifier", equalTo("implicit"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600));
        assertEquals(List.of("expires", "identifier", "expires_in", "access_token", "token_type"),
                fieldOrder(response));
        JWTClaimsSet claims = stage.verify(response.path("access_token"));
        assertEquals(MoltinStage.STORE, claims.getSubject());
        assertEquals("implicit", claims.getStringClaim("gty"));
        // the tenant's implicit set, not the client's scopes (which include catalog:write, orders and customers)
        assertEquals("catalog:read carts:read carts:write checkout:write", claims.getStringClaim("scope"));
        assertEquals(((Number) response.path("expires")).longValue(), claims.getExpirationTime().getTime() / 1000);
    }

    @Test
    void implicitIsALegacySurfaceWithTheDeprecationHeaders() {
        stage.implicit(MoltinStage.STORE).then().statusCode(200)
                .header("Deprecation", startsWith("@"))
                .header("Link", containsString("rel=\"deprecation\""));
    }

    @Test
    void implicitMayNarrowButNeverWidenTheImplicitScope() throws Exception {
        Response narrowed = stage.request().formParam("grant_type", "implicit").formParam("client_id", MoltinStage.STORE)
                .formParam("scope", "catalog:read").post("/oauth/access_token");
        narrowed.then().statusCode(200);
        assertEquals("catalog:read", stage.verify(narrowed.path("access_token")).getStringClaim("scope"));
        // the client holds orders:read, but an implicit token never does
        assertJsonApiError(stage.request().formParam("grant_type", "implicit").formParam("client_id", MoltinStage.STORE)
                .formParam("scope", "catalog:read orders:read").post("/oauth/access_token"), 400, "Invalid Scope");
    }

    @Test
    void theImplicitScopeIsTheTenantsToChange() throws Exception {
        MoltinStage own = MoltinStage.create("moltin-scope");
        given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON)
                .body("{\"implicit_scope\":\"catalog:read\"}")
                .patch("/admin/tenants/" + own.slug()).then().statusCode(200)
                .body("implicit_scope", equalTo("catalog:read"));
        assertEquals("catalog:read", own.verify(own.implicitToken()).getStringClaim("scope"));
        given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON)
                .body("{\"implicit_scope\":\"bad\\\"scope\"}")
                .patch("/admin/tenants/" + own.slug()).then().statusCode(400);
        given().auth().oauth2(AdminTokens.operator()).get("/admin/tenants/" + own.slug()).then().statusCode(200)
                .body("implicit_scope", equalTo("catalog:read"));
        // other tenants keep the default
        assertEquals("catalog:read carts:read carts:write checkout:write",
                stage.verify(stage.implicitToken()).getStringClaim("scope"));
    }

    @Test
    void aClientNotAllowedImplicitIsRefused() {
        assertJsonApiError(stage.implicit(MoltinStage.BACKEND), 403, "Unauthorized Client");
        // its secret does not change that
        assertJsonApiError(stage.request().formParam("grant_type", "implicit")
                .formParam("client_id", MoltinStage.BACKEND).formParam("client_secret", stage.backendSecret())
                .post("/oauth/access_token"), 403, "Unauthorized Client");
    }

    @Test
    void aClientsOwnTtlWinsOverTheDialectsHour() {
        String secret = stage.client("{\"client_id\":\"short-lived\",\"name\":\"Short\","
                + "\"grant_types\":[\"client_credentials\",\"implicit\"],\"access_token_ttl\":600}");
        stage.clientCredentials("short-lived", secret).then().statusCode(200).body("expires_in", equalTo(600));
        stage.implicit("short-lived").then().statusCode(200).body("expires_in", equalTo(600));
    }

    @Test
    void clientAuthenticationFailures() {
        assertJsonApiError(stage.clientCredentials(MoltinStage.STORE, "wrong-secret"), 401, "Invalid Client");
        assertJsonApiError(stage.clientCredentials("nobody", "wrong-secret"), 401, "Invalid Client");
        assertJsonApiError(stage.implicit("nobody"), 401, "Invalid Client");
        // client_credentials without a secret is a public request for a backend's token
        assertJsonApiError(stage.request().formParam("grant_type", "client_credentials")
                .formParam("client_id", MoltinStage.STORE).post("/oauth/access_token"), 401, "Invalid Client");
        Response basic = stage.request().auth().preemptive().basic(MoltinStage.STORE, "wrong")
                .formParam("grant_type", "client_credentials").post("/oauth/access_token");
        assertJsonApiError(basic, 401, "Invalid Client");
        assertTrue(basic.header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void aDisabledClientGetsNoImplicitToken() {
        stage.client("{\"client_id\":\"paused\",\"name\":\"Paused\",\"grant_types\":[\"implicit\"]}");
        stage.implicit("paused").then().statusCode(200);
        given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .patch("/admin/tenants/" + stage.slug() + "/clients/paused").then().statusCode(200);
        assertJsonApiError(stage.implicit("paused"), 401, "Invalid Client");
    }

    @Test
    void malformedRequests() {
        assertJsonApiError(stage.request().formParam("grant_type", "implicit").post("/oauth/access_token"),
                400, "Invalid Request");
        assertJsonApiError(stage.request().formParam("client_id", MoltinStage.STORE).post("/oauth/access_token"),
                400, "Invalid Request");
        assertJsonApiError(stage.request().formParam("grant_type", "implicit").formParam("client_id", MoltinStage.STORE)
                .formParam("client_id", MoltinStage.BACKEND).post("/oauth/access_token"), 400, "Invalid Request");
        assertJsonApiError(stage.request().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"implicit\",\"client_id\":\"store\"}").post("/oauth/access_token"),
                400, "Invalid Request");
        assertJsonApiError(stage.request().contentType(ContentType.URLENC).body("grant_type=implicit&client_id=%ZZ")
                .post("/oauth/access_token"), 400, "Invalid Request");
        assertJsonApiError(stage.request().queryParam("client_secret", "x").formParam("grant_type", "implicit")
                .formParam("client_id", MoltinStage.STORE).post("/oauth/access_token"), 400, "Invalid Request");
        assertJsonApiError(stage.request().contentType(ContentType.URLENC)
                .body("grant_type=implicit&client_id=store&pad=" + "x".repeat(20_000)).post("/oauth/access_token"),
                413, "Payload Too Large");
    }

    @Test
    void onlyClientCredentialsAndImplicitAreServedHere() {
        for (String grant : List.of("password", "refresh_token", "authorization_code",
                "urn:ietf:params:oauth:grant-type:jwt-bearer", "made_up")) {
            Response response = stage.request().formParam("grant_type", grant)
                    .formParam("client_id", MoltinStage.STORE).formParam("client_secret", stage.storeSecret())
                    .formParam("username", MoltinStage.CUSTOMER_EMAIL)
                    .formParam("password", MoltinStage.CUSTOMER_PASSWORD).post("/oauth/access_token");
            assertJsonApiError(response, 400, "Unsupported Grant Type");
            assertEquals(null, response.header("Deprecation"), grant);
        }
    }

    @Test
    void theOAuthEndpointsDoNotServeMoltinsImplicitToken() {
        // authenticated, so that the answer is about the grant type
        stage.request().auth().preemptive().basic(MoltinStage.STORE, stage.storeSecret())
                .formParam("grant_type", "implicit")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"))
                .header("Deprecation", nullValue());
        given().auth().preemptive().basic(MoltinStage.STORE, stage.storeSecret()).formParam("grant_type", "implicit")
                .post("/auth/realms/" + stage.slug() + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        List<String> grants = stage.request().get("/.well-known/oauth-authorization-server").then().statusCode(200)
                .extract().path("grant_types_supported");
        assertFalse(grants.contains("implicit"), "metadata's implicit would mean RFC 6749's redirect flow");
    }

    @Test
    void frameworkRefusalsAreJsonApiToo() {
        assertJsonApiError(stage.request().get("/oauth/access_token"), 405, "Method Not Allowed");
        assertJsonApiError(stage.request().put("/oauth/access_token"), 405, "Method Not Allowed");
        // found by the fuzz test: the path with a trailing slash reaches the same endpoint, and answered OAuth-shaped
        assertJsonApiError(stage.request().get("/oauth/access_token/"), 405, "Method Not Allowed");
    }

    @Test
    void anUnknownHostIsTheDefaultTenant() {
        // the default tenant has no client called "store"
        assertJsonApiError(given().header("Host", "unknown.example").formParam("grant_type", "implicit")
                .formParam("client_id", MoltinStage.STORE).post("/oauth/access_token"), 401, "Invalid Client");
    }

    @Test
    void aBrownoutRefusesImplicitButNotClientCredentials() {
        MoltinStage own = MoltinStage.create("moltin-brownout");
        String now = clock.instant().minusSeconds(60).toString();
        String later = clock.instant().plusSeconds(3600).toString();
        given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON)
                .body("{\"surfaces\":[{\"surface\":\"implicit\",\"brownouts\":[{\"start\":\"" + now + "\",\"end\":\""
                        + later + "\"}]}]}")
                .put("/admin/tenants/" + own.slug() + "/deprecations").then().statusCode(200);
        Response refused = own.implicit(MoltinStage.STORE);
        assertJsonApiError(refused, 400, "Unsupported Grant Type");
        refused.then().header("Deprecation", startsWith("@"));
        own.clientCredentials(MoltinStage.STORE, own.storeSecret()).then().statusCode(200);

        List<Map<String, Object>> usage = given().auth().oauth2(AdminTokens.operator())
                .get("/admin/tenants/" + own.slug() + "/deprecations/usage").then().statusCode(200)
                .extract().path("items");
        Map<String, Object> line = usage.stream().filter(u -> "implicit".equals(u.get("surface"))).findFirst()
                .orElseThrow();
        assertEquals(MoltinStage.STORE, line.get("client_id"));
        assertEquals(1, ((Number) line.get("refusals")).intValue());
    }
}
