package dev.tollgate.bench.ceilings;

import dev.tollgate.adapters.crypto.AesGcmKeyVault;
import dev.tollgate.adapters.crypto.BcryptPasswordHasher;
import dev.tollgate.adapters.crypto.MasterKey;
import dev.tollgate.adapters.crypto.SecureRandomValues;
import dev.tollgate.adapters.crypto.SmallRyeJwtTokenSigner;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.token.AccessTokenClaims;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * The two ceilings of bench/run, in process and without HTTP, so the HTTP numbers can be read against them:
 *
 * <ul>
 *   <li><b>signing</b>: access tokens signed per second by the service's own {@link SmallRyeJwtTokenSigner}
 *       (smallrye-jwt-build), with keys generated and opened by its {@link AesGcmKeyVault} (RSA 2048 for RS256,
 *       P-256 for ES256), for the claims of a client_credentials token as {@code AccessTokenFactory} builds them
 *       (a fresh 128-bit jti from {@link SecureRandomValues} per token, whole-second iat/exp);</li>
 *   <li><b>bcrypt</b>: password verifications per second by the service's {@link BcryptPasswordHasher} at the
 *       configured cost.</li>
 * </ul>
 *
 * <p>Method: a plain loop per thread (one thread per core by default, and once with one thread), a warm-up whose
 * operations are not counted (the JIT compiles the hot paths), then a timed window; operations completed inside
 * the window are counted. Output lines start with {@code CEILING} and are parsed by bench/run.
 *
 * <pre>java -jar bench/ceilings/target/tollgate-bench-ceilings.jar [--threads N] [--warmup S] [--measure S]
 *     [--bcrypt-cost C] [--only rs256,es256,bcrypt]</pre>
 */
public final class Ceilings {

    private static final String ISSUER = "http://127.0.0.1:8099/auth/realms/bench-rs";

    private Ceilings() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        double warmup = 5;
        double measure = 10;
        int bcryptCost = 12;
        List<String> only = List.of("rs256", "es256", "bcrypt");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--measure" -> measure = Double.parseDouble(args[++i]);
                case "--bcrypt-cost" -> bcryptCost = Integer.parseInt(args[++i]);
                case "--only" -> only = List.of(args[++i].toLowerCase(Locale.ROOT).split(","));
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        System.out.printf(Locale.ROOT, "# %s %s, %d cores, threads %d, warm-up %.1f s, measure %.1f s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), threads, warmup, measure);

        byte[] master = new byte[MasterKey.LENGTH];
        new SecureRandom().nextBytes(master);
        AesGcmKeyVault vault = new AesGcmKeyVault(new MasterKey(master));
        SmallRyeJwtTokenSigner signer = new SmallRyeJwtTokenSigner();
        SecureRandomValues random = new SecureRandomValues();

        for (String what : only) {
            switch (what) {
                case "rs256", "es256" -> {
                    SigningAlgorithm algorithm = SigningAlgorithm.valueOf(what.toUpperCase(Locale.ROOT));
                    SigningKey key = vault.open(
                            vault.generate(UUID.randomUUID(), algorithm, SigningKeyStatus.ACTIVE, Instant.now()));
                    IntFunction<Op> op = thread -> () -> signer.sign(claims(random), key).length();
                    // sanity: a compact JWS with the expected algorithm
                    String sample = signer.sign(claims(random), key);
                    if (sample.split("\\.").length != 3) {
                        throw new IllegalStateException("not a compact JWS: " + sample);
                    }
                    run("sign-" + what, key.algorithm() + " " + keyDescription(algorithm), 1, warmup, measure, op);
                    if (threads != 1) {
                        run("sign-" + what, key.algorithm() + " " + keyDescription(algorithm), threads, warmup,
                                measure, op);
                    }
                }
                case "bcrypt" -> {
                    BcryptPasswordHasher hasher = new BcryptPasswordHasher(bcryptCost);
                    String password = "correct horse battery";
                    String hash = hasher.hash(password);
                    if (!hasher.matches(password, hash)) {
                        throw new IllegalStateException("bcrypt does not verify its own hash");
                    }
                    IntFunction<Op> op = thread -> () -> hasher.matches(password, hash) ? 1 : 0;
                    String label = "bcrypt cost " + bcryptCost + " (" + hash.substring(0, 7) + ")";
                    run("bcrypt", label, 1, warmup, measure, op);
                    if (threads != 1) {
                        run("bcrypt", label, threads, warmup, measure, op);
                    }
                }
                default -> throw new IllegalArgumentException("unknown ceiling " + what);
            }
        }
    }

    private static String keyDescription(SigningAlgorithm algorithm) {
        return switch (algorithm) {
            case RS256 -> "RSA 2048";
            case ES256 -> "EC P-256";
        };
    }

    /** The claims of a client_credentials token, as AccessTokenFactory builds them. */
    private static AccessTokenClaims claims(SecureRandomValues random) {
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new AccessTokenClaims(ISSUER, "bench-cc-rs", ISSUER, issuedAt, issuedAt.plusSeconds(86400),
                random.newTokenId(), "bench-cc-rs", Scope.of("orders:read", "orders:write"), "bench-rs", Map.of());
    }

    @FunctionalInterface
    interface Op {
        int run() throws Exception;
    }

    private static void run(String name, String label, int threads, double warmupSeconds, double measureSeconds,
            IntFunction<Op> ops) throws InterruptedException {
        Window window = new Window();
        LongAdder counted = new LongAdder();
        LongAdder sink = new LongAdder();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Op op = ops.apply(t);
            Thread worker = new Thread(() -> {
                long done = 0;
                long blackhole = 0;
                try {
                    while (true) {
                        blackhole += op.run();
                        int phase = window.phase;
                        if (phase == Window.MEASURE) {
                            done++;
                        } else if (phase == Window.STOP) {
                            break;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                counted.add(done);
                sink.add(blackhole);
            }, name + "-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep((long) (warmupSeconds * 1000));
        long start = System.nanoTime();
        window.phase = Window.MEASURE;
        Thread.sleep((long) (measureSeconds * 1000));
        window.phase = Window.STOP;
        long elapsed = System.nanoTime() - start;
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = elapsed / 1e9;
        long operations = counted.sum();
        System.out.printf(Locale.ROOT, "CEILING name=%s threads=%d ops=%d seconds=%.3f ops_per_s=%.1f label=%s%n",
                name, threads, operations, seconds, operations / seconds, label.replace(' ', '_'));
        if (sink.sum() == 42) {
            System.out.print("");
        }
    }

    private static final class Window {
        static final int WARMUP = 0;
        static final int MEASURE = 1;
        static final int STOP = 2;
        volatile int phase = WARMUP;
    }
}
