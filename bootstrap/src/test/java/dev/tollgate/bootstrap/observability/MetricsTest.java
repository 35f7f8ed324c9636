package dev.tollgate.bootstrap.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} before and after a known set of requests in every dialect: each counter moves by exactly what was
 * done, with the documented labels (docs/observability.md), and the latency histograms are labelled by route
 * template, never by a raw path.
 */
@QuarkusTest
class MetricsTest {

    private static final String TENANT = "obs-metrics";
    private static final String HOST = TENANT + ".test";
    private static final String CLIENT = "obs-app";
    private static final String EMAIL = "obs-user@" + HOST;
    private static final String PASSWORD = "Obs-metrics-passw0rd-1";
    private static final String ISSUED = "tollgate_tokens_issued_total";
    private static final String REFUSED = "tollgate_token_refusals_total";
    private static final String LEGACY = "tollgate_legacy_calls_total";

    @Inject
    Fixtures fixtures;

    /** Staged once per run (the test database is new for every run; JUnit makes an instance per test). */
    private static String secret;

    @BeforeEach
    void stage() {
        Tenant tenant = fixtures.tenant(TENANT, SigningAlgorithm.RS256, List.of(HOST));
        if (secret == null) {
            secret = fixtures.client(tenant, CLIENT, Scope.of("orders:read"),
                    Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.IMPLICIT),
                    TokenEndpointAuthMethod.CLIENT_SECRET_POST, true, Optional.empty()).secret();
            fixtures.user(tenant, EMAIL, "obs-user", PASSWORD, List.of());
        }
    }

    private static RequestSpecification at() {
        return given().header("Host", HOST).contentType(ContentType.URLENC);
    }

    private Response clientCredentials(String path, String clientSecret) {
        return at().formParam("grant_type", "client_credentials").formParam("client_id", CLIENT)
                .formParam("client_secret", clientSecret).post(path);
    }

    @Test
    void countersMoveByExactlyWhatWasDone() {
        Scrape before = Scrape.now();

        clientCredentials("/auth/realms/" + TENANT + "/protocol/openid-connect/token", secret).then().statusCode(200);
        at().formParam("grant_type", "password").formParam("client_id", CLIENT).formParam("client_secret", secret)
                .formParam("username", EMAIL).formParam("password", PASSWORD)
                .post("/auth/realms/" + TENANT + "/protocol/openid-connect/token").then().statusCode(200);
        clientCredentials("/oauth/token", secret).then().statusCode(200);
        String store = at().formParam("grant_type", "implicit").formParam("client_id", CLIENT)
                .post("/oauth/access_token").then().statusCode(200).extract().path("access_token");
        given().header("Host", HOST).auth().oauth2(store).contentType(ContentType.JSON)
                .body("{\"data\":{\"type\":\"token\",\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD
                        + "\",\"authentication_mechanism\":\"password\"}}")
                .post("/v2/customers/tokens").then().statusCode(200);
        given().header("Host", HOST).formParam("grant_type", "password").formParam("username", EMAIL)
                .formParam("password", PASSWORD).post("/v0/token").then().statusCode(200);
        // refusals: a wrong secret, an unknown tenant, a wrong v0 password
        clientCredentials("/auth/realms/" + TENANT + "/protocol/openid-connect/token", "wrong-secret")
                .then().statusCode(401);
        clientCredentials("/auth/realms/obs-no-such-tenant/protocol/openid-connect/token", secret)
                .then().statusCode(404);
        given().header("Host", HOST).formParam("grant_type", "password").formParam("username", EMAIL)
                .formParam("password", "not-the-password").post("/v0/token").then().statusCode(403);

        Scrape after = Scrape.now();

        assertMoved(before, after, ISSUED, Map.of("dialect", "realm", "tenant", TENANT,
                "grant_type", "client_credentials"), 1);
        assertMoved(before, after, ISSUED, Map.of("dialect", "realm", "tenant", TENANT, "grant_type", "password"), 1);
        assertMoved(before, after, ISSUED, Map.of("dialect", "oauth", "tenant", TENANT,
                "grant_type", "client_credentials"), 1);
        assertMoved(before, after, ISSUED, Map.of("dialect", "moltin", "tenant", TENANT, "grant_type", "implicit"), 1);
        assertMoved(before, after, ISSUED, Map.of("dialect", "customer", "tenant", TENANT,
                "grant_type", "password"), 1);
        assertMoved(before, after, ISSUED, Map.of("dialect", "v0", "tenant", TENANT, "grant_type", "password"), 1);
        assertEquals(6, after.sum(ISSUED, labels -> TENANT.equals(labels.get("tenant")))
                - before.sum(ISSUED, labels -> TENANT.equals(labels.get("tenant"))), "tokens issued in all");

        assertMoved(before, after, REFUSED, Map.of("dialect", "realm", "error", "invalid_client",
                "reason", "refused"), 1);
        assertMoved(before, after, REFUSED, Map.of("dialect", "realm", "error", "invalid_request",
                "reason", "refused"), 1);
        assertEquals(1, after.sum(REFUSED, labels -> "v0".equals(labels.get("dialect")))
                - before.sum(REFUSED, labels -> "v0".equals(labels.get("dialect"))), "v0 refusals");
        assertEquals(3, after.sum(REFUSED, labels -> true) - before.sum(REFUSED, labels -> true), "refusals in all");

        // the password grant at the realm, Moltin's implicit grant, v0 (twice): deprecated surfaces, all served
        assertMoved(before, after, LEGACY, Map.of("surface", "password_grant", "outcome", "served"), 1);
        assertMoved(before, after, LEGACY, Map.of("surface", "implicit", "outcome", "served"), 1);
        assertMoved(before, after, LEGACY, Map.of("surface", "v0_token", "outcome", "served"), 2);
        assertEquals(0, after.sum(LEGACY, labels -> "refused".equals(labels.get("outcome")))
                - before.sum(LEGACY, labels -> "refused".equals(labels.get("outcome"))), "legacy refusals");

        // no client id, user or token among the label values
        for (Scrape.Series series : after.series()) {
            for (String value : series.labels().values()) {
                assertFalse(value.contains(CLIENT) || value.contains(EMAIL) || value.contains("obs-user")
                        || value.contains(store), series.toString());
            }
        }
    }

    @Test
    void tokenEndpointLatencyIsAHistogramByRouteTemplate() {
        clientCredentials("/auth/realms/" + TENANT + "/protocol/openid-connect/token", secret).then().statusCode(200);
        clientCredentials("/oauth/token", secret).then().statusCode(200);
        Scrape scrape = Scrape.now();

        String realmTemplate = "/auth/realms/{tenant}/protocol/openid-connect/token";
        assertTrue(scrape.sum("http_server_requests_seconds_bucket",
                labels -> realmTemplate.equals(labels.get("uri")) && "+Inf".equals(labels.get("le"))) >= 1,
                "histogram buckets of the realm token endpoint");
        assertTrue(scrape.sum("http_server_requests_seconds_bucket",
                labels -> "/oauth/token".equals(labels.get("uri"))) >= 1, "histogram buckets of /oauth/token");
        // no raw path with a tenant slug becomes a label value; other routes carry no buckets
        assertFalse(scrape.text().contains("uri=\"/auth/realms/" + TENANT), scrape.text());
        // (other test classes of the same application may have sent a token path with a trailing slash)
        List<String> others = scrape.named("http_server_requests_seconds_bucket").stream()
                .map(series -> series.labels().get("uri").replaceAll("(.)/$", "$1"))
                .filter(uri -> !List.of(realmTemplate, "/oauth/token", "/oauth/access_token", "/v0/token",
                        "/v0/refresh_token", "/v2/customers/tokens").contains(uri))
                .distinct().toList();
        assertEquals(List.of(), others, "routes other than the token endpoints with histogram buckets");
    }

    @Test
    void cacheHitsAndTheAbuseLedgerArePublished() throws InterruptedException {
        // the caches are dropped when the periodic refresh (1 s) sees that fixtures wrote: request until a request
        // finds its tenant and client in memory (bounded; in practice the second or third one)
        Map<String, String> clientHits = Map.of("cache", "clients", "result", "hit");
        Map<String, String> tenantHits = Map.of("cache", "tenants_by_domain", "result", "hit");
        Scrape first = Scrape.now();
        Scrape latest = first;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (latest.value("cache_gets_total", clientHits) == first.value("cache_gets_total", clientHits)
                && System.nanoTime() < deadline) {
            clientCredentials("/oauth/token", secret).then().statusCode(200);
            Thread.sleep(100);
            latest = Scrape.now();
        }
        assertTrue(latest.value("cache_gets_total", clientHits) > first.value("cache_gets_total", clientHits),
                "client cache hit");
        assertTrue(latest.value("cache_gets_total", tenantHits) > first.value("cache_gets_total", tenantHits),
                "tenant cache hit");
        for (String cache : List.of("tenants_by_slug", "tenants_by_domain", "clients", "signing_keys_active",
                "signing_keys_published")) {
            for (String result : List.of("hit", "miss")) {
                assertEquals(1, latest.named("cache_gets_total").stream()
                        .filter(s -> s.labels().equals(Map.of("cache", cache, "result", result))).count(), cache);
            }
        }
        assertEquals(1, latest.named("tollgate_abuse_ledger_entries").size(), "abuse ledger gauge");
    }

    private static void assertMoved(Scrape before, Scrape after, String name, Map<String, String> labels,
            double by) {
        assertEquals(by, after.value(name, labels) - before.value(name, labels), name + labels);
    }
}
