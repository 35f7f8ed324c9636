package dev.tollgate.bootstrap.reliability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tollgate.adapters.persistence.cache.RepositoryCaches;
import dev.tollgate.bootstrap.observability.Scrape;
import dev.tollgate.bootstrap.embedded.EmbeddedPostgres;
import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * PostgreSQL stops under the service (issue 8, "Faults"), on a throwaway cluster of the test's own
 * ({@link DatabaseOutageCluster}), never the machine's shared server:
 * <ul>
 *   <li>every request that needs the database answers 503 {@code temporarily_unavailable} in its dialect's shape,
 *   with {@code Retry-After}, within a bounded time, also when many arrive at once;</li>
 *   <li>client_credentials for a client already in memory keeps issuing valid tokens;</li>
 *   <li>readiness is DOWN, liveness UP;</li>
 *   <li>when PostgreSQL is back the service recovers by itself: no restart, the refresh token issued before the outage
 *   still works.</li>
 * </ul>
 * Once after a crash-like {@code pg_ctl stop -m immediate}, once after a {@code fast} shutdown.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnCluster.class)
@EnabledIf(value = "dev.tollgate.bootstrap.reliability.DatabaseOutageCluster#binariesAvailable",
        disabledReason = "no PostgreSQL binaries on this machine (neither /usr/lib/postgresql/<major>/bin nor the "
                + "packaged ones): the outage test needs a cluster of its own to stop")
class DatabaseOutageTest {

    /** The service on a cluster of its own, not the shared test database that every other test uses. */
    public static class OwnCluster implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseOutageCluster.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** Only against a hang: the measured answers take a few milliseconds to a few seconds (printed by the test). */
    private static final Duration BOUND = Duration.ofSeconds(15);
    /** How long PostgreSQL may take to be usable again once started, on a loaded CI machine. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private static final String TENANT = "outage";
    private static final String HOST = "outage.test";
    private static final String PASSWORD = "Outage-shopper-password-1";

    private static Fixtures.ClientWithSecret backend;
    private static Fixtures.ClientWithSecret pos;
    private static String operatorToken;

    @DatabaseOutageCluster.Handle
    EmbeddedPostgres postgres;

    @Inject
    Fixtures fixtures;

    @Inject
    RepositoryCaches caches;

    private boolean halted;

    /** A request and how long its answer took. */
    private record Timed(Response response, Duration took) {
    }

    @BeforeEach
    void stage() {
        if (backend != null) {
            return;
        }
        Tenant tenant = fixtures.tenant(TENANT, SigningAlgorithm.RS256, List.of(HOST));
        backend = fixtures.confidentialClient(tenant, "backend", Scope.of("orders:read"));
        pos = fixtures.client(tenant, "pos", Scope.of("orders:read"), Set.of(GrantType.PASSWORD,
                GrantType.REFRESH_TOKEN), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true, Optional.empty());
        fixtures.user(tenant, "shopper@" + HOST, "shopper", PASSWORD, List.of("newstore_admin"));
    }

    @AfterEach
    void restartWhatWasStopped() {
        if (halted) {
            postgres.resume();
            halted = false;
        }
    }

    @Test
    void crashLikeStop() throws Exception {
        outageAndRecovery(EmbeddedPostgres.Shutdown.IMMEDIATE);
    }

    @Test
    void fastShutdown() throws Exception {
        outageAndRecovery(EmbeddedPostgres.Shutdown.FAST);
    }

    private void outageAndRecovery(EmbeddedPostgres.Shutdown shutdown) throws Exception {
        String refreshToken = warmUp();
        JWKSet jwks = JWKSet.parse(given().get("/auth/realms/" + TENANT + "/protocol/openid-connect/certs")
                .then().statusCode(200).extract().asString());

        postgres.halt(shutdown);
        halted = true;

        Scrape beforeOutage = Scrape.now();
        List<Duration> unavailable = new ArrayList<>();
        unavailable.add(assertOAuthUnavailable(timed(this::passwordAtRealm)));
        unavailable.add(assertOAuthUnavailable(timed(() -> refresh(refreshToken))));
        unavailable.add(assertV0Unavailable(timed(this::v0Password)));
        unavailable.add(assertJsonApiUnavailable(timed(this::moltinUnknownClient)));
        // each counted as refused for the outage (reason unavailable, not throttled), in its dialect; /q/metrics
        // itself needs no database
        Scrape duringOutage = Scrape.now();
        for (String dialect : List.of("realm", "oauth", "v0", "moltin")) {
            Map<String, String> labels = Map.of("dialect", dialect, "error", "temporarily_unavailable",
                    "reason", "unavailable");
            assertEquals(1, duringOutage.value("tollgate_token_refusals_total", labels)
                    - beforeOutage.value("tollgate_token_refusals_total", labels), dialect);
        }
        unavailable.add(assertOAuthUnavailable(timed(this::adminTenants)));
        // the authorization endpoint answers browsers: an error page, not JSON
        Timed page = timed(this::authorizeUnseenClient);
        page.response().then().statusCode(503).contentType(ContentType.HTML).header("Retry-After", "5")
                .header("X-Frame-Options", "DENY").body(containsString("not possible at the moment"));
        unavailable.add(page.took());

        // the clients read before are served from memory: no connection, no statement
        assertValidToken(timed(this::clientCredentialsAtRealm), jwks);
        assertValidToken(timed(this::clientCredentialsAtOAuth), jwks);
        Timed moltin = timed(this::moltinClientCredentials);
        assertTrue(moltin.took().compareTo(BOUND) < 0, "answered in " + moltin.took());
        moltin.response().then().statusCode(200).body("identifier", equalTo("client_credentials"));
        assertValidToken(timed(this::operatorClientCredentials), null);
        // and so is the tenant's key set
        given().get("/auth/realms/" + TENANT + "/protocol/openid-connect/certs").then().statusCode(200);

        if (shutdown == EmbeddedPostgres.Shutdown.IMMEDIATE) {
            unavailable.addAll(manyAtOnce(jwks));
        }

        Response ready = given().get("/q/health/ready");
        ready.then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        System.out.printf("DatabaseOutageTest (%s): %d requests needing PostgreSQL answered 503, slowest in %d ms%n",
                shutdown, unavailable.size(), unavailable.stream().mapToLong(Duration::toMillis).max().orElse(0));

        postgres.resume();
        halted = false;
        Duration recoveredIn = awaitRecovery();
        System.out.printf("DatabaseOutageTest (%s): password grant answered 200 again %d ms after PostgreSQL started%n",
                shutdown, recoveredIn.toMillis());
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // the failed attempts during the outage spent nothing: the refresh token issued before still works
        refresh(refreshToken).then().statusCode(200);
        v0Password().then().statusCode(200);
        adminTenants().then().statusCode(200);
        assertValidToken(timed(this::clientCredentialsAtRealm), jwks);
    }

    /**
     * Reads everything the cached paths need, lets the caches take in the cache epoch moved by the set-up's writes
     * (as the periodic refresh would, so that it does not drop them during the outage), and returns a refresh token.
     */
    private String warmUp() {
        clientCredentialsAtRealm().then().statusCode(200);
        operatorToken = AdminTokens.operator();
        try {
            caches.refresh();
        } catch (java.sql.SQLException e) {
            fail("the cache epoch is readable while PostgreSQL runs", e);
        }
        clientCredentialsAtRealm().then().statusCode(200);
        clientCredentialsAtOAuth().then().statusCode(200);
        moltinClientCredentials().then().statusCode(200);
        AdminTokens.operator();
        adminTenants().then().statusCode(200);
        v0Password().then().statusCode(200);
        return passwordAtRealm().then().statusCode(200).extract().path("refresh_token");
    }

    /** Requests of both kinds at once: none hangs, those needing PostgreSQL get 503, the cached ones 200. */
    private List<Duration> manyAtOnce(JWKSet jwks) throws Exception {
        List<Callable<Timed>> needing = new ArrayList<>();
        List<Callable<Timed>> cached = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            needing.add(() -> timed(this::passwordAtRealm));
            needing.add(() -> timed(this::v0Password));
            needing.add(() -> timed(this::moltinUnknownClient));
            cached.add(() -> timed(this::clientCredentialsAtRealm));
        }
        ExecutorService callers = Executors.newFixedThreadPool(needing.size() + cached.size());
        try {
            List<Future<Timed>> needingAnswers = new ArrayList<>();
            List<Future<Timed>> cachedAnswers = new ArrayList<>();
            needing.forEach(call -> needingAnswers.add(callers.submit(call)));
            cached.forEach(call -> cachedAnswers.add(callers.submit(call)));
            List<Duration> took = new ArrayList<>();
            for (Future<Timed> answer : needingAnswers) {
                Timed timed = answer.get(BOUND.toSeconds() * 2, TimeUnit.SECONDS);
                assertEquals(503, timed.response().statusCode(), timed.response().asString());
                assertTrue(timed.took().compareTo(BOUND) < 0, "answered in " + timed.took());
                took.add(timed.took());
            }
            for (Future<Timed> answer : cachedAnswers) {
                assertValidToken(answer.get(BOUND.toSeconds() * 2, TimeUnit.SECONDS), jwks);
            }
            return took;
        } finally {
            callers.shutdownNow();
        }
    }

    private Duration awaitRecovery() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + RECOVERY.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = passwordAtRealm().statusCode();
            if (status == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            assertEquals(503, status, "while the service recovers, still 503 and nothing else");
            Thread.sleep(200);
        }
        fail("the password grant did not work again within " + RECOVERY + " of PostgreSQL's start (last: " + status + ")");
        return RECOVERY;
    }

    // --- the requests, one per dialect -------------------------------------------------------------------------

    private Response clientCredentialsAtRealm() {
        return given().auth().preemptive().basic("backend", backend.secret())
                .formParam("grant_type", "client_credentials")
                .post("/auth/realms/" + TENANT + "/protocol/openid-connect/token");
    }

    private Response clientCredentialsAtOAuth() {
        return given().header("Host", HOST).auth().preemptive().basic("backend", backend.secret())
                .formParam("grant_type", "client_credentials").post("/oauth/token");
    }

    private Response moltinClientCredentials() {
        return given().header("Host", HOST).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "backend")
                .formParam("client_secret", backend.secret()).post("/oauth/access_token");
    }

    /** A client_id never asked for before: not in memory, so PostgreSQL must be asked. */
    private Response moltinUnknownClient() {
        return given().header("Host", HOST).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", "new-" + UUID.randomUUID())
                .formParam("client_secret", "whatever").post("/oauth/access_token");
    }

    private Response passwordAtRealm() {
        return given().auth().preemptive().basic("pos", pos.secret())
                .formParam("grant_type", "password").formParam("username", "shopper@" + HOST)
                .formParam("password", PASSWORD).post("/auth/realms/" + TENANT + "/protocol/openid-connect/token");
    }

    private Response refresh(String refreshToken) {
        return given().header("Host", HOST).auth().preemptive().basic("pos", pos.secret())
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/oauth/token");
    }

    private Response v0Password() {
        return given().header("Host", HOST)
                .formParam("grant_type", "password").formParam("username", "shopper")
                .formParam("password", PASSWORD).post("/v0/token");
    }

    private Response adminTenants() {
        return given().auth().oauth2(operatorToken).get("/admin/tenants");
    }

    /** The operator's own client_credentials token (admin tenant), as AdminTokens asks for it. */
    private Response operatorClientCredentials() {
        return given().auth().preemptive().basic("tollgate-admin", AdminTokens.OPERATOR_SECRET)
                .formParam("grant_type", "client_credentials")
                .post("/auth/realms/admin/protocol/openid-connect/token");
    }

    // --- what the answers must be ------------------------------------------------------------------------------

    private static Timed timed(Supplier<Response> call) {
        long start = System.nanoTime();
        Response response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private static Duration bounded(Timed timed) {
        assertTrue(timed.took().compareTo(BOUND) < 0, "answered in " + timed.took() + ", bound " + BOUND);
        timed.response().then().statusCode(503).header("Retry-After", equalTo("5"));
        return timed.took();
    }

    /** RFC 6749 §5.2 shape (also the admin API's): exactly error and error_description. */
    private static Duration assertOAuthUnavailable(Timed timed) {
        Duration took = bounded(timed);
        timed.response().then().contentType(ContentType.JSON)
                .body("error", equalTo("temporarily_unavailable"));
        assertEquals(Set.of("error", "error_description"), timed.response().as(Map.class).keySet());
        return took;
    }

    /** Seed 001's error_response: status, message, request_id, with the deprecation headers. */
    private static Duration assertV0Unavailable(Timed timed) {
        Duration took = bounded(timed);
        Response response = timed.response();
        response.then().contentType(ContentType.JSON)
                .body("status", equalTo(503))
                .body("message", equalTo("Service Unavailable"))
                .body("request_id", equalTo(response.header("X-Request-Id")));
        assertEquals(Set.of("status", "message", "request_id"), response.as(Map.class).keySet());
        assertTrue(response.header("Deprecation") != null, "the v0 notice is on errors too");
        return took;
    }

    /** JSON:API: one error object of exactly status, title, detail. */
    private static Duration assertJsonApiUnavailable(Timed timed) {
        Duration took = bounded(timed);
        timed.response().then().contentType(ContentType.JSON)
                .body("errors.size()", equalTo(1))
                .body("errors[0].status", equalTo("503"))
                .body("errors[0].title", equalTo("Service Unavailable"));
        return took;
    }

    /** A 200 whose access token verifies against the tenant's JWKS (when given) and names the client. */
    /** An authorization request naming a client nobody asked for yet: its lookup needs the database. */
    private Response authorizeUnseenClient() {
        return given().redirects().follow(false).queryParam("response_type", "code")
                .queryParam("client_id", "unseen-" + java.util.UUID.randomUUID())
                .queryParam("redirect_uri", "https://app.example/cb")
                .get("/auth/realms/" + TENANT + "/protocol/openid-connect/auth");
    }

    private static void assertValidToken(Timed timed, JWKSet jwks) throws Exception {
        assertTrue(timed.took().compareTo(BOUND) < 0, "answered in " + timed.took());
        assertEquals(200, timed.response().statusCode(), timed.response().asString());
        String token = timed.response().path("access_token");
        if (jwks == null) {
            return;
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet claims = processor.process(token, null);
        assertEquals("backend", claims.getStringClaim("client_id"));
        assertEquals(TENANT, claims.getStringClaim("tenant"));
    }
}
