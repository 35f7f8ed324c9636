package dev.tollgate.bootstrap.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Every request has an id (the caller's {@code X-Request-Id}, else a new one), echoed in the response, and every line
 * logged while it is served carries it in the MDC ({@code request_id}), in every dialect, not only v0; v0's error
 * body (seed 001) carries the same id as the header.
 */
@QuarkusTest
class RequestIdTest {

    @Test
    void theCallersIdIsEchoedAndCarriedByTheLinesLoggedMeanwhile() {
        String id = "obs-trace-0001";
        List<LogRecords.Line> lines = LogRecords.during(() ->
                given().header("X-Request-Id", id).auth().oauth2("not-a-jwt").get("/admin/tenants")
                        .then().statusCode(401).header("X-Request-Id", id));

        // the admin adapter logs refused bearer tokens at DEBUG in tests, on the worker thread serving the request
        List<LogRecords.Line> refused = lines.stream()
                .filter(line -> line.message().startsWith("Admin token refused")).toList();
        assertFalse(refused.isEmpty(), lines.toString());
        refused.forEach(line -> assertEquals(id, line.requestId(), line.toString()));
    }

    @Test
    void anIdIsMadeWhenTheCallerSentNoneOrAnUnsafeOne() {
        String made = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401).extract().header("X-Request-Id");
        assertTrue(made.matches("[0-9a-f-]{36}"), made);
        String replaced = given().header("X-Request-Id", "forged\tline").get("/.well-known/openid-configuration")
                .then().extract().header("X-Request-Id");
        assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
    }

    @Test
    void v0CarriesTheSameIdInItsErrorBodyTheHeaderAndTheLog() {
        AtomicReference<Response> answer = new AtomicReference<>();
        List<LogRecords.Line> lines = LogRecords.during(() -> answer.set(given()
                .formParam("grant_type", "password").formParam("username", "nobody@obs.test")
                .formParam("password", "wrong-password-1").post("/v0/token")));
        Response response = answer.get();
        String header = response.header("X-Request-Id");
        assertEquals(header, response.path("request_id"));
        List<LogRecords.Line> v0 = lines.stream().filter(line -> line.message().startsWith("v0 token")).toList();
        assertEquals(1, v0.size(), lines.toString());
        assertEquals(header, v0.get(0).requestId());
        assertTrue(v0.get(0).message().contains("request_id=" + header), v0.get(0).message());
    }
}
