package dev.tollgate.bootstrap.reliability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, races: a client's secret is rotated (with a grace period) again and again while threads keep asking for
 * client_credentials tokens, alternately with the secret before the latest rotation and the one it returned. Every
 * such request must succeed: never "neither secret valid", whatever the in-memory client cache (RepositoryCaches) is
 * doing at that moment. After the grace period the old secret is refused and the new one still works.
 */
@QuarkusTest
class SecretRotationRaceTest {

    private static final int WORKERS = 6;
    private static final int ROTATIONS = 15;
    private static final long GRACE_SECONDS = 3600;
    private static final String CLIENT = "rotating";

    @Inject
    TestClock clock;

    /** The secrets a caller may use: the one before the latest rotation (in its grace period) and the latest. */
    private record Secrets(int rotation, String previous, String current) {
    }

    private static Response token(String slug, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", CLIENT)
                .formParam("client_secret", secret).post("/auth/realms/" + slug + "/protocol/openid-connect/token");
    }

    @Test
    void everyRequestSeesTheOldOrTheNewSecretValid() throws Exception {
        RaceStage stage = RaceStage.create("race-rotation", null);
        String first = stage.client("{\"client_id\":\"" + CLIENT + "\",\"name\":\"Rotating\","
                + "\"grant_types\":[\"client_credentials\"]}");
        String admin = AdminTokens.operator();

        AtomicReference<Secrets> published = new AtomicReference<>(new Secrets(0, null, first));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong successes = new AtomicLong();
        AtomicLong oldSecretSuccesses = new AtomicLong();
        Queue<String> violations = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    for (long i = worker; !stop.get(); i++) {
                        // read before sending: "current" was returned by the admin API before this request left
                        Secrets secrets = published.get();
                        boolean old = i % 2 == 0 && secrets.previous() != null;
                        Response answer = token(stage.slug(), old ? secrets.previous() : secrets.current());
                        if (answer.statusCode() == 200) {
                            successes.incrementAndGet();
                            if (old) {
                                oldSecretSuccesses.incrementAndGet();
                            }
                        } else {
                            violations.add("after rotation " + secrets.rotation() + ", the " + (old ? "old" : "new")
                                    + " secret: " + answer.statusCode() + " " + answer.asString());
                        }
                    }
                    return null;
                }));
            }
            for (int rotation = 1; rotation <= ROTATIONS; rotation++) {
                awaitProgress(successes, violations);
                String fresh = given().auth().oauth2(admin).contentType(ContentType.JSON)
                        .body("{\"grace_seconds\":" + GRACE_SECONDS + "}")
                        .post("/admin/tenants/" + stage.slug() + "/clients/" + CLIENT + "/secret")
                        .then().statusCode(201).extract().<String>path("client_secret");
                published.set(new Secrets(rotation, published.get().current(), fresh));
            }
            awaitProgress(successes, violations);
        } finally {
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }
        assertEquals(List.of(), List.copyOf(violations));
        assertTrue(oldSecretSuccesses.get() > 0, "requests with the old secret were made during the grace periods");

        Secrets last = published.get();
        clock.advance(Duration.ofSeconds(GRACE_SECONDS + 1));
        try {
            for (Response refused : Burst.of(WORKERS, () -> token(stage.slug(), last.previous()))) {
                refused.then().statusCode(401).contentType(ContentType.JSON);
                assertEquals("invalid_client", refused.path("error"));
            }
            for (Response accepted : Burst.of(WORKERS, () -> token(stage.slug(), last.current()))) {
                assertEquals(200, accepted.statusCode(), accepted.asString());
            }
        } finally {
            clock.advance(Duration.ofSeconds(-(GRACE_SECONDS + 1)));
        }
    }

    /**
     * Waits until the workers have got a few more tokens (so each rotation meets a warm cache and requests in
     * flight), or until one failed; bounded so that a stuck service fails the test instead of hanging it.
     */
    private static void awaitProgress(AtomicLong successes, Queue<String> violations) throws InterruptedException {
        long target = successes.get() + 2L * WORKERS;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (successes.get() < target && violations.isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the workers made no progress in 60 s");
            Thread.sleep(5);
        }
    }
}
