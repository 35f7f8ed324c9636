package dev.tollgate.bootstrap.legacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Token API v0 against PostgreSQL, with the exact shapes of seed 001: {@code post_token_response} and
 * {@code error_response}, the statuses, and the deprecation headers on every response.
 */
@QuarkusTest
class V0TokenApiTest {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String PASSWORD = V0Stage.PASSWORD;

    @Inject
    Fixtures fixtures;

    V0Stage stage(String slug) {
        return V0Stage.create(fixtures, slug, SigningAlgorithm.RS256, List.of("newstore_admin"));
    }

    static Response login(String host, String username, String password) {
        return given().header("Host", host)
                .formParam("grant_type", "password").formParam("username", username).formParam("password", password)
                .post("/v0/token");
    }

    static Response refresh(String host, String refreshToken) {
        return given().header("Host", host)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/v0/refresh_token");
    }

    /** seed 001 error_response: exactly status (integer), message, request_id (the X-Request-Id of the response). */
    static void assertV0Error(Response response, int status, String message) {
        response.then().statusCode(status).contentType(ContentType.JSON)
                .body("status", equalTo(status))
                .body("message", equalTo(message))
                .body("request_id", equalTo(response.header("X-Request-Id")));
        Map<String, Object> body = response.as(Map.class);
        assertEquals(Set.of("status", "message", "request_id"), body.keySet());
        // errors carry the notice too; a sunset, where one is set, adds to the Link header
        assertEquals("@1704672000", response.header("Deprecation"));
        assertTrue(response.header("Link").startsWith(
                "<http://localhost:8081/docs/migration-v0>; rel=\"deprecation\"; type=\"text/html\""),
                response.header("Link"));
    }

    /** The service-wide policy of the tests: deprecated since the seed's date, no sunset. */
    static void assertDeprecationHeaders(Response response) {
        assertEquals("@1704672000", response.header("Deprecation"));
        assertEquals("<http://localhost:8081/docs/migration-v0>; rel=\"deprecation\"; type=\"text/html\"",
                response.header("Link"));
    }

    @Test
    void passwordLoginAnswersThePostTokenResponseOfSeed001() throws Exception {
        V0Stage stage = stage("v0-shape");
        Response response = login(stage.host(), stage.user().email(), PASSWORD);
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .header("Sunset", nullValue())
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(86400))
                .body("scope", equalTo(""));
        assertDeprecationHeaders(response);
        Map<String, Object> body = response.as(Map.class);
        assertEquals(List.of("refresh_token", "access_token", "token_type", "scope", "expires_in"),
                List.copyOf(body.keySet()), "the fields of post_token_response, in the seed's order");
        assertInstanceOf(String.class, body.get("refresh_token"));
        assertInstanceOf(Integer.class, body.get("expires_in"));
        assertTrue(((String) body.get("refresh_token")).matches("[A-Za-z0-9_-]{43,}"), "opaque, 256 bits");

        // an independent JOSE library verifies it against the tenant's JWKS, with the seed's claims
        JWKSet jwks = JWKSet.parse(given().get("/auth/realms/v0-shape/protocol/openid-connect/certs").asString());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer("http://localhost:8081/auth/realms/v0-shape").build(),
                Set.of("sub", "aud", "exp", "iat", "jti", "azp", "gty")));
        JWTClaimsSet claims = processor.process((String) body.get("access_token"), null);
        assertEquals(stage.user().id().toString(), claims.getSubject());
        assertEquals("v0-shape", claims.getStringClaim("http://newstore/newstore_id"));
        assertEquals(List.of("newstore_admin"), claims.getStringListClaim("http://newstore/roles"));
        assertEquals("password", claims.getStringClaim("gty"));
        assertEquals("legacy-v0", claims.getStringClaim("azp"));
        assertEquals("legacy-v0", claims.getStringClaim("client_id"));
        assertEquals(86_400, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    void theUsernameOrTheEmailSignsInAndJsonBodiesAreAcceptedToo() {
        V0Stage stage = stage("v0-json");
        login(stage.host(), stage.user().username(), PASSWORD).then().statusCode(200);
        given().header("Host", stage.host()).contentType(ContentType.JSON)
                .body(Map.of("grant_type", "password", "username", stage.user().email(), "password", PASSWORD))
                .post("/v0/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    void aRefreshGivesANewAccessTokenAndTheSameRefreshToken() {
        V0Stage stage = stage("v0-refresh");
        Response first = login(stage.host(), stage.user().email(), PASSWORD);
        String refreshToken = first.path("refresh_token");
        Response renewed = refresh(stage.host(), refreshToken);
        renewed.then().statusCode(200).body("refresh_token", equalTo(refreshToken))
                .body("expires_in", equalTo(86400)).body("token_type", equalTo("Bearer"));
        assertDeprecationHeaders(renewed);
        assertNotEquals(first.path("access_token"), renewed.<String>path("access_token"));
        assertEquals(List.of("refresh_token", "access_token", "token_type", "scope", "expires_in"),
                List.copyOf(renewed.as(Map.class).keySet()));
        given().header("Host", stage.host()).contentType(ContentType.JSON)
                .body(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .post("/v0/refresh_token").then().statusCode(200);
    }

    @Test
    void wrongPasswordAndUnknownUserAreIndistinguishable() {
        V0Stage stage = stage("v0-enum");
        Response wrongPassword = login(stage.host(), stage.user().email(), "not-the-password");
        Response unknownUser = login(stage.host(), "nobody@v0-enum.test", "not-the-password");
        assertV0Error(wrongPassword, 403, "Authentication failed");
        assertV0Error(unknownUser, 403, "Authentication failed");
        assertEquals(wrongPassword.contentType(), unknownUser.contentType());
        assertEquals(wrongPassword.asString().replace(wrongPassword.header("X-Request-Id"), ""),
                unknownUser.asString().replace(unknownUser.header("X-Request-Id"), ""));
        assertV0Error(refresh(stage.host(), "Z4tuV3lC4EvMV1X5A3HsB_VUBxmtlj5JtmUbtfQtWI538"), 403,
                "Authentication failed");
    }

    /** Found by the fuzz test: PostgreSQL cannot compare text with a NUL, and the lookup used to fail with a 500. */
    @Test
    void aNulInTheUsernameIsAFailedAuthentication() {
        V0Stage stage = stage("v0-nul");
        assertV0Error(given().header("Host", stage.host()).contentType(ContentType.URLENC)
                .body("grant_type=password&username=" + stage.user().username() + "%00&password=" + PASSWORD)
                .post("/v0/token"), 403, "Authentication failed");
    }

    @Test
    void missingOrEmptyFieldsAndMalformedBodiesAre400sNamingTheField() {
        V0Stage stage = stage("v0-bad");
        assertV0Error(given().header("Host", stage.host()).formParam("grant_type", "password")
                .formParam("password", PASSWORD).post("/v0/token"), 400, "Missing or empty field: username");
        assertV0Error(given().header("Host", stage.host()).formParam("grant_type", "password")
                .formParam("username", "u").formParam("password", "").post("/v0/token"),
                400, "Missing or empty field: password");
        assertV0Error(given().header("Host", stage.host()).formParam("username", "u").formParam("password", "p")
                .post("/v0/token"), 400, "Missing or empty field: grant_type");
        assertV0Error(given().header("Host", stage.host()).formParam("grant_type", "client_credentials")
                .formParam("username", "u").formParam("password", "p").post("/v0/token"),
                400, "grant_type must be password");
        assertV0Error(given().header("Host", stage.host()).formParam("grant_type", "refresh_token")
                .post("/v0/refresh_token"), 400, "Missing or empty field: refresh_token");
        assertV0Error(given().header("Host", stage.host()).contentType(ContentType.JSON).body("{\"grant_type\":")
                .post("/v0/token"), 400, "The request body is not valid JSON");
        assertV0Error(given().header("Host", stage.host()).contentType(ContentType.JSON)
                .body("{\"grant_type\":\"password\",\"username\":[\"u\"],\"password\":\"p\"}")
                .post("/v0/token"), 400, "Parameter must be a string: username");
        assertV0Error(given().header("Host", stage.host()).contentType("text/plain").body("grant_type=password")
                .post("/v0/token"), 400,
                "Content-Type must be application/x-www-form-urlencoded or application/json");
        assertV0Error(given().header("Host", stage.host()).contentType(ContentType.URLENC)
                .body("grant_type=password&username=a&username=b&password=p").post("/v0/token"),
                400, "Parameter is repeated: username");
        assertV0Error(given().header("Host", stage.host()).contentType(ContentType.URLENC)
                .body("grant_type=password&username=%ZZ&password=p").post("/v0/token"), 400,
                "Malformed percent-encoding in the request body");
    }

    @Test
    void credentialsInTheQueryStringAreRefusedEvenWithABody() {
        V0Stage stage = stage("v0-query");
        assertV0Error(given().header("Host", stage.host()).queryParam("password", PASSWORD)
                .formParam("grant_type", "password").formParam("username", stage.user().email())
                .formParam("password", PASSWORD).post("/v0/token"),
                400, "query parameter password is not allowed.");
        assertV0Error(given().header("Host", stage.host()).queryParam("password", PASSWORD).post("/v0/token"),
                400, "query parameter password is not allowed.");
        assertV0Error(given().header("Host", stage.host()).queryParam("refresh_token", "x")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "x")
                .post("/v0/refresh_token"), 400, "query parameter refresh_token is not allowed.");
    }

    @Test
    void theRequestIdIsTheCallersWhenItIsAPlainTokenAndANewOneOtherwise() {
        V0Stage stage = stage("v0-reqid");
        Response echoed = given().header("Host", stage.host()).header("X-Request-Id", "9287978a-support-ticket")
                .formParam("grant_type", "password").post("/v0/token");
        assertV0Error(echoed, 400, "Missing or empty field: username");
        assertEquals("9287978a-support-ticket", echoed.path("request_id"));
        Response replaced = given().header("Host", stage.host()).header("X-Request-Id", "<script>\u00e9")
                .formParam("grant_type", "password").post("/v0/token");
        replaced.then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(replaced.header("X-Request-Id"), replaced.path("request_id"));
    }

    @Test
    void frameworkRefusalsOfTheV0PathsKeepTheV0Shape() {
        Response get = given().get("/v0/token");
        assertV0Error(get, 405, "Method not allowed");
    }

    @Test
    void anUnknownHostFallsBackToTheDefaultTenant() {
        // the default tenant of the tests is acme-staging; it has the built-in client but not this user
        assertV0Error(login("unknown.example", "myusername@nowhere.test", PASSWORD), 403, "Authentication failed");
    }

    @Test
    void theBuiltInClientIsServedOnlyAtV0() {
        given().formParam("grant_type", "client_credentials").formParam("client_id", "legacy-v0")
                .post("/auth/realms/acme-staging/protocol/openid-connect/token")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void theMigrationGuideIsServedWhereTheLinkHeaderPoints() {
        given().get("/docs/migration-v0").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("<h1>Migrating from the Token API v0 to API clients</h1>"))
                .body(containsString("/auth/realms/{tenant}/protocol/openid-connect/token"));
    }

    @Test
    void eachCallLogsOneLineWithItsRequestId() {
        V0Stage stage = stage("v0-logline");
        List<LogCapture.Line> lines = LogCapture.during(() -> given().header("Host", stage.host())
                .header("X-Request-Id", "ticket-4711").formParam("grant_type", "password").post("/v0/token")
                .then().statusCode(400));
        LogCapture.Line line = lines.stream().filter(l -> l.message().startsWith("v0 token")).findFirst().orElseThrow();
        assertTrue(line.message().contains("request_id=ticket-4711"), line.message());
        assertTrue(line.message().contains("status=400"), line.message());
        assertEquals("ticket-4711", line.requestId());
    }

    @Test
    void aPasswordNeverReachesTheLog() {
        V0Stage stage = stage("v0-nolog");
        var records = LogCapture.during(() -> {
            login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(200);
            login(stage.host(), stage.user().email(), "Wr0ng-" + PASSWORD).then().statusCode(403);
        });
        assertFalse(records.isEmpty());
        for (LogCapture.Line line : records) {
            assertFalse(line.message().contains(PASSWORD), line.message());
        }
    }
}
