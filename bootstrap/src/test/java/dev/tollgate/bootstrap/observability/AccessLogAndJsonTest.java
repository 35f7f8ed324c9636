package dev.tollgate.bootstrap.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtHandler;
import org.junit.jupiter.api.Test;

/**
 * The switches an operator turns on: the access log (method, path without the query string, status, duration,
 * request id; never a query string, an Authorization or a Cookie header) and JSON console logs; and, with a small
 * rate limit, a throttled request counted as such.
 */
@QuarkusTest
@TestProfile(AccessLogAndJsonTest.Switches.class)
class AccessLogAndJsonTest {

    private static final String ACCESS_LOG = "io.quarkus.http.access-log";

    public static class Switches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.access-log.enabled", "true",
                    "quarkus.log.console.json.enabled", "true",
                    // two token requests per client, then 429 (practically no refill while the test runs)
                    "tollgate.abuse.requests-per-client.enabled", "true",
                    "tollgate.abuse.requests-per-client.per-second", "0.001",
                    "tollgate.abuse.requests-per-client.burst", "2");
        }
    }

    @Test
    void theAccessLogHasThePathAndTheRequestIdButNoSecret() {
        String id = "obs-access-0001";
        List<LogRecords.Line> lines = LogRecords.during(captured -> {
            given().header("X-Request-Id", id)
                    .header("Authorization", "Bearer SECRET-ACCESS-TOKEN-in-header")
                    .header("Cookie", "session=SECRET-COOKIE-value")
                    .queryParam("access_token", "SECRET-ACCESS-TOKEN-in-query")
                    .queryParam("state", "SECRET-STATE-value")
                    .queryParam("code_challenge", "SECRET-CHALLENGE-value")
                    .get("/oauth/authorize").then().header("X-Request-Id", id);
            // the line is written when the response has ended: wait for it (bounded)
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && captured.stream()
                    .noneMatch(line -> ACCESS_LOG.equals(line.category()) && line.message().contains(id))) {
                sleep();
            }
        });
        List<LogRecords.Line> access = lines.stream().filter(line -> ACCESS_LOG.equals(line.category())).toList();
        assertEquals(1, access.size(), lines.toString());
        String line = access.get(0).message();
        assertTrue(line.contains("\"GET /oauth/authorize\""), line);
        assertTrue(line.contains("request_id=" + id), line);
        assertTrue(line.matches(".*\" [1-5][0-9][0-9] [0-9]+ ms .*"), line);
        for (LogRecords.Line any : lines) {
            assertFalse(any.message().contains("SECRET"), any.toString());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theConsoleWritesJsonWhenSwitchedOn() {
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.log.console.json.enabled", Boolean.class));
        List<String> formatters = new ArrayList<>();
        collectFormatters(Logger.getLogger("").getHandlers(), formatters);
        assertTrue(formatters.stream().anyMatch(name -> name.toLowerCase().contains("json")), formatters.toString());
    }

    private static void collectFormatters(Handler[] handlers, List<String> into) {
        for (Handler handler : handlers) {
            if (handler.getFormatter() != null) {
                into.add(handler.getFormatter().getClass().getName());
            }
            if (handler instanceof ExtHandler ext) {
                collectFormatters(ext.getHandlers(), into);
            }
        }
    }

    @Test
    void aThrottledRequestIsCountedAsThrottled() {
        String realm = "/auth/realms/acme-staging/protocol/openid-connect/token";
        String secret = ConfigProvider.getConfig().getValue("tollgate.bootstrap.client.secret", String.class);
        Scrape before = Scrape.now();
        for (int status : new int[] {200, 200, 429}) {
            given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                    .formParam("client_id", "acme-backend").formParam("client_secret", secret).post(realm)
                    .then().statusCode(status);
        }
        Scrape after = Scrape.now();
        Map<String, String> throttled = Map.of("dialect", "realm", "error", "temporarily_unavailable",
                "reason", "throttled");
        assertEquals(1, after.value("tollgate_token_refusals_total", throttled)
                - before.value("tollgate_token_refusals_total", throttled));
        Map<String, String> issued = Map.of("dialect", "realm", "tenant", "acme-staging",
                "grant_type", "client_credentials");
        assertEquals(2, after.value("tollgate_tokens_issued_total", issued)
                - before.value("tollgate_tokens_issued_total", issued));
    }
}
