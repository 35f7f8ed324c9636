package dev.tollgate.bootstrap.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.bootstrap.support.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hostile input on every endpoint: valid requests of each operation (real clients, secrets, tokens, codes, assertions)
 * mutated at random (parameters dropped, repeated, huge or not UTF-8; JSON truncated, nested, retyped; Content-Type,
 * Authorization, Host and other headers broken, with raw bytes; other methods, paths and queries; JWTs broken part by
 * part) and sent byte for byte. The property of every answer: no 5xx, no hang, a body well-formed in the path's
 * dialect (see {@link ResponseProperty}).
 *
 * <p>Bounded in CI by {@code -Dfuzz.iterations} (default {@value #DEFAULT_ITERATIONS}); the seed is
 * {@code -Dfuzz.seed} (random when absent, always printed); {@code -Dfuzz.iteration=N} replays one case of a seed
 * (the same mutations of the same seed request; codes, tokens and assertions are fetched anew);
 * {@code -Dfuzz.timeout-seconds} (default 10) is the bound of one request. The names are not under {@code tollgate.}:
 * the service's configuration mapping refuses unknown keys there. A long run:
 * {@code ./mvnw -B -ntp -o -pl bootstrap -am verify -Dtest=EndpointFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfuzz.iterations=50000}.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndpointFuzzTest {

    /** About 30 s on a busy two-core machine. */
    static final int DEFAULT_ITERATIONS = 1000;
    private static final int MAX_REPORTED = 15;
    /** Seeds that refuse even when valid: what they delete is not there, or may not be deleted yet. */
    private static final Set<String> REFUSING_SEEDS =
            Set.of("admin delete tenant", "admin delete client", "admin delete user");

    private static FuzzWorld world;
    /** A set-up that failed is not tried again by the next test: its half-made tenant would answer 409. */
    private static Exception setUpFailure;

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void world() throws Exception {
        if (setUpFailure != null) {
            throw new IllegalStateException("the fuzz world could not be set up", setUpFailure);
        }
        if (world == null) {
            try {
                world = new FuzzWorld(clock::instant,
                        ConfigProvider.getConfig().getValue("tollgate.public-url", String.class));
            } catch (Exception | AssertionError e) {
                setUpFailure = e instanceof Exception exception ? exception : new IllegalStateException(e);
                throw e;
            }
        }
    }

    @Test
    @Order(1)
    void everyOperationOfTheOpenApiDocumentIsFuzzed() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, Set<String>> documented = new TreeMap<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                .forEach(method -> documented.computeIfAbsent(path, p -> new TreeSet<>()).add(method)));
        assertEquals(documented, Seeds.operations(),
                "every operation of /q/openapi needs a seed in Seeds (and every seed a documented operation)");
    }

    @Test
    @Order(2)
    void theSeedsAreValidRequests() {
        // mutations start from requests the service accepts: otherwise the fuzz would only ever probe the first check
        List<String> refused = new ArrayList<>();
        for (Seeds.Seed seed : Seeds.all()) {
            Draft draft = seed.build().apply(world);
            RawHttp.Outcome outcome = RawHttp.exchange(base.getHost(), base.getPort(), draft.render(), Duration.ofSeconds(30));
            int status = outcome instanceof RawHttp.Response response ? response.status() : -1;
            if (!REFUSING_SEEDS.contains(seed.name()) && (status < 200 || status >= 400)) {
                refused.add(seed.name() + ": " + status + " " + (outcome instanceof RawHttp.Response response
                        ? abbreviate(response.bodyText(), 300) : outcome));
            }
        }
        world.removeCreatedTenants();
        assertTrue(refused.isEmpty(), "seeds refused: " + String.join("\n", refused));
    }

    @Test
    @Order(3)
    void hostileRequestsGetWellFormedAnswersInTheirDialect() {
        long seed = seed();
        int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
        Integer only = Integer.getInteger("fuzz.iteration");
        Duration bound = Duration.ofSeconds(Long.getLong("fuzz.timeout-seconds", 10));
        System.out.printf("EndpointFuzzTest: seed %d, %s (replay: -Dfuzz.seed=%d)%n", seed,
                only != null ? "iteration " + only : iterations + " iterations", seed);

        List<Seeds.Seed> seeds = Seeds.all();
        int totalWeight = seeds.stream().mapToInt(Seeds.Seed::weight).sum();
        Map<String, List<Failure>> failures = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        long started = System.nanoTime();
        int first = only != null ? only : 0;
        int last = only != null ? only + 1 : iterations;
        try {
            for (int iteration = first; iteration < last; iteration++) {
                SplittableRandom random = new SplittableRandom(seed ^ (iteration * 0x9E3779B97F4A7C15L));
                Seeds.Seed chosen = pick(seeds, totalWeight, random);
                Draft draft = chosen.build().apply(world);
                int count = random.nextInt(10) == 0 ? 0 : 1 + Math.min(4, Long.numberOfTrailingZeros(random.nextLong() | 16));
                Mutations.mutate(draft, count, random, world);
                RawHttp.Request request = draft.render();
                RawHttp.Outcome outcome = RawHttp.exchange(base.getHost(), base.getPort(), request, bound);
                ResponseProperty.Sent sent = draft.sent();
                List<String> problems = ResponseProperty.check(sent, outcome, bound);
                int status = outcome instanceof RawHttp.Response response ? response.status() : -1;
                statuses.computeIfAbsent(sent.dialects().get(0).name(), d -> new TreeMap<>()).merge(status, 1, Integer::sum);
                if (only != null) {
                    // a replay shows its case whatever the outcome
                    System.out.println(new Failure(iteration, chosen.name(), draft.applied, request, outcome, problems)
                            .describe(seed));
                }
                if (!problems.isEmpty()) {
                    String signature = chosen.name() + " | " + status + " | " + problems.get(0).replaceAll("\\d{3,}", "N");
                    failures.computeIfAbsent(signature, s -> new ArrayList<>())
                            .add(new Failure(iteration, chosen.name(), draft.applied, request, outcome, problems));
                }
                if (status == 401 && request.header("Authorization").orElse("").equals("Bearer " + world.operator())) {
                    world.operatorRefused();
                }
            }
        } finally {
            List<String> removed = world.removeCreatedTenants();
            System.out.printf("EndpointFuzzTest: removed %d tenants the fuzz created%n", removed.size());
        }
        System.out.printf("EndpointFuzzTest: %d cases in %d s, seed %d; statuses by dialect: %s%n", last - first,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), seed, statuses);
        if (!failures.isEmpty()) {
            StringBuilder report = new StringBuilder();
            report.append(failures.values().stream().mapToInt(List::size).sum()).append(" failing cases in ")
                    .append(failures.size()).append(" kinds; seed ").append(seed).append("\n");
            failures.forEach((kind, cases) -> report.append("  ").append(cases.size()).append(" × ").append(kind).append("\n"));
            int shown = 0;
            for (Map.Entry<String, List<Failure>> kind : failures.entrySet()) {
                if (shown++ == MAX_REPORTED) {
                    report.append("… and ").append(failures.size() - MAX_REPORTED).append(" more kinds\n");
                    break;
                }
                Failure example = kind.getValue().get(0);
                report.append("\n=== ").append(kind.getKey()).append(" (").append(kind.getValue().size()).append(" cases)\n")
                        .append(example.describe(seed));
            }
            System.out.println(report);
            fail(report.toString());
        }
    }

    private static long seed() {
        String given = System.getProperty("fuzz.seed");
        return given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.trim());
    }

    private static Seeds.Seed pick(List<Seeds.Seed> seeds, int totalWeight, SplittableRandom random) {
        int ticket = random.nextInt(totalWeight);
        for (Seeds.Seed seed : seeds) {
            ticket -= seed.weight();
            if (ticket < 0) {
                return seed;
            }
        }
        throw new IllegalStateException();
    }

    /** One case that broke the property, with what is needed to replay it. */
    record Failure(int iteration, String seed, List<String> mutations, RawHttp.Request request, RawHttp.Outcome outcome,
            List<String> problems) {

        String describe(long fuzzSeed) {
            StringBuilder text = new StringBuilder();
            text.append("iteration ").append(iteration).append(" (replay: -Dfuzz.seed=").append(fuzzSeed)
                    .append(" -Dfuzz.iteration=").append(iteration).append(")\n")
                    .append("seed request: ").append(seed).append("; mutations: ").append(mutations).append("\n")
                    .append("problems: ").append(problems).append("\n")
                    .append("request:\n").append(printable(RawHttp.bytes(request), 3000)).append("\n");
            switch (outcome) {
                case RawHttp.Response response -> {
                    text.append("response: ").append(response.status()).append(" after ")
                            .append(response.elapsed().toMillis()).append(" ms\n");
                    response.headers().forEach(h -> text.append("  ").append(h.name()).append(": ").append(h.text()).append("\n"));
                    text.append(printable(response.body(), 1500)).append("\n");
                }
                case RawHttp.Closed closed -> text.append("connection closed: ").append(closed.why()).append("\n");
                case RawHttp.TimedOut timedOut -> text.append("no response after ")
                        .append(timedOut.elapsed().toMillis()).append(" ms\n");
            }
            return text.toString();
        }
    }

    /** Bytes as text, with everything outside printable ASCII escaped, cut to {@code max} bytes. */
    static String printable(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                text.append("\\n\n");
            } else if (b == '\r') {
                text.append("\\r");
            } else if (b >= 0x20 && b < 0x7f && b != '\\') {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        if (bytes.length > max) {
            text.append("… (").append(bytes.length).append(" bytes in all)");
        }
        return text.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

}
