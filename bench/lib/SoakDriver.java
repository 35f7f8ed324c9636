// The open-loop load generator of bench/soak: sends a weighted mix of Tollgate requests at a fixed rate, measures
// each latency from the time the request was *scheduled* (a slow response does not delay the next request, so a
// stall shows up as latency instead of disappearing: no coordinated omission), and samples the service's RSS,
// threads, CPU and GC log while it runs. Writes the Markdown body of the report and exits 0 (pass) or 1 (fail).
//
// Single-file, JDK only (java.net.http): `java bench/lib/SoakDriver.java --help`. bench/soak provisions the service
// and passes the credentials in the environment (SOAK_*), never on the command line.

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SoakDriver {

    static final List<String> SCENARIOS = List.of(
            "cc-rs256-form", "cc-es256-form", "cc-rs256-basic", "password", "refresh", "authcode", "introspect", "jwks");
    static final String DEFAULT_WEIGHTS =
            "cc-rs256-form=20 cc-es256-form=15 cc-rs256-basic=10 password=0.25 refresh=15 authcode=15 introspect=15 jwks=9.75";

    // --- options ------------------------------------------------------------------------------------------------

    record Options(String baseUrl, double rate, int durationS, int warmupS, int intervalS, Map<String, Double> weights,
                   long pid, Path gcLog, Path outDir, int timeoutS, int maxInFlight, double maxRssSlope,
                   double maxDrift, double driftSlackMs, String db, double quietCores) {

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String k = args[i];
                if (k.equals("--help") || k.equals("-h")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (!k.startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("bad argument " + k);
                a.put(k.substring(2), args[++i]);
            }
            int duration = Integer.parseInt(req(a, "duration"));
            int warmup = Integer.parseInt(a.getOrDefault("warmup", "0"));
            // at least six measured intervals, so that thirds and halves have something in them
            int interval = Integer.parseInt(a.getOrDefault("interval", String.valueOf(Math.max(1, Math.min(30, duration / 6)))));
            Options o = new Options(req(a, "base-url"), Double.parseDouble(req(a, "rate")), duration, warmup, interval,
                    parseWeights(a.getOrDefault("weights", DEFAULT_WEIGHTS)), Long.parseLong(a.getOrDefault("pid", "0")),
                    a.containsKey("gc-log") ? Path.of(a.get("gc-log")) : null, Path.of(req(a, "out-dir")),
                    Integer.parseInt(a.getOrDefault("timeout", "30")), Integer.parseInt(a.getOrDefault("max-in-flight", "1000")),
                    Double.parseDouble(a.getOrDefault("max-rss-slope", "5")), Double.parseDouble(a.getOrDefault("max-drift", "2")),
                    Double.parseDouble(a.getOrDefault("drift-slack-ms", "20")), a.get("db"),
                    Double.parseDouble(a.getOrDefault("quiet-cores", "0.3")));
            if (o.rate <= 0 || o.durationS <= 0 || o.intervalS <= 0 || o.warmupS < 0) throw new IllegalArgumentException("rate, duration and interval must be positive");
            return o;
        }

        static String req(Map<String, String> a, String k) {
            String v = a.get(k);
            if (v == null) throw new IllegalArgumentException("--" + k + " is required");
            return v;
        }

        static Map<String, Double> parseWeights(String s) {
            Map<String, Double> w = new LinkedHashMap<>();
            for (String part : s.trim().split("[\\s,]+")) {
                if (part.isEmpty()) continue;
                String[] kv = part.split("=", 2);
                if (kv.length != 2 || !SCENARIOS.contains(kv[0])) throw new IllegalArgumentException("bad weight " + part + " (scenarios: " + SCENARIOS + ")");
                double v = Double.parseDouble(kv[1]);
                if (v < 0) throw new IllegalArgumentException("negative weight " + part);
                if (v > 0) w.put(kv[0], v);
            }
            if (w.isEmpty()) throw new IllegalArgumentException("no scenario has a positive weight");
            return w;
        }
    }

    static final String USAGE = """
            Usage: java SoakDriver.java --base-url URL --rate R --duration S --out-dir DIR [options]
              --warmup S          load before the measured phase: the rate ramps up from 0 over its first half,
                                  then holds (default 0)
              --interval S        reporting interval (default: duration/6, at most 30)
              --weights "a=w …"   scenario weights (default: %s)
              --pid N             the service's process id (RSS, threads and CPU from /proc)
              --gc-log FILE       the service's -Xlog:gc file (GC count, heap after GC, pauses)
              --timeout S         per-request timeout (default 30)
              --max-in-flight N   requests outstanding at most; a request due beyond it is an error (default 1000)
              --max-rss-slope M   fail above M MB/min RSS growth over the second half (default 5)
              --max-drift F       fail when the last third's p50 or p99 exceeds F times the first third's (default 2)
              --drift-slack-ms D  ... and exceeds it by more than D ms (default 20)
              --db NAME           the service's database: CPU of its PostgreSQL backends, apart from other processes
              --quiet-cores C     flag intervals in which other processes used C cores or more (default 0.3)
            Environment: SOAK_CC_RS_ID/SECRET, SOAK_CC_ES_ID/SECRET, SOAK_PW_ID/SECRET, SOAK_WEB_ID/SECRET,
              SOAK_RS_API_ID/SECRET, SOAK_TENANT_RS, SOAK_TENANT_ES, SOAK_USER_EMAIL, SOAK_USER_PASSWORD,
              SOAK_REDIRECT_URI, SOAK_INTROSPECT_TOKEN, SOAK_REFRESH_SEED (file of refresh tokens of the web client)
            """.formatted(DEFAULT_WEIGHTS);

    // --- statistics ---------------------------------------------------------------------------------------------

    /** A growable array of microsecond latencies. */
    static final class Latencies {
        long[] v = new long[256];
        int n;

        void add(long us) {
            if (n == v.length) v = Arrays.copyOf(v, n * 2);
            v[n++] = us;
        }

        void addAll(Latencies o) {
            for (int i = 0; i < o.n; i++) add(o.v[i]);
        }

        long[] sorted() {
            long[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            return s;
        }

        /** Nearest-rank percentile in milliseconds; NaN when empty. */
        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
        }
    }

    /** What completed during one reporting interval. */
    static final class Bucket {
        final Latencies latencies = new Latencies();
        long completed, errors, sent, skipped;
        long maxLagUs;
        final Map<String, Long> errorsByKind = new TreeMap<>();
    }

    record Row(int index, double tEnd, boolean warmup, long sent, long completed, long errors, long skipped, String errorKinds,
               double p50, double p99, double max, double rssMb, int threads, double cpuCores, double pgCores,
               double otherCores, int gcs,
               double heapAfterGcMb, double maxPauseMs, int inFlight, double maxLagMs, Latencies latencies) {
    }

    record ScenarioTotals(Latencies latencies, long[] counts) { // counts: completed, errors
    }

    record ErrorSample(String scenario, String kind, String sample) {
    }

    // --- state shared by the scheduler, the HTTP completions and the reporter --------------------------------------

    final Options o;
    final HttpClient http;
    final long startNanos;
    final Object lock = new Object();
    Bucket bucket = new Bucket();
    final Map<String, ScenarioTotals> totals = new LinkedHashMap<>();
    final Map<String, Long> allErrors = new TreeMap<>();
    final Map<String, Long> allSkipped = new TreeMap<>();
    final Map<String, ErrorSample> errorSamples = new LinkedHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    boolean measuring;

    // credentials and derived request parts
    final String tokenRs, tokenEs, introspectUrl, jwksUrl, authorizeUrl, redirectUri;
    final String ccRsForm, ccEsForm, ccRsBasic, pwBasic, webBasic, rsApiBasic, passwordForm;
    final AtomicReference<String> introspectToken;
    final ConcurrentLinkedDeque<String> refreshTokens = new ConcurrentLinkedDeque<>();
    final ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
    static final int REFRESH_POOL_MAX = 256;

    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern CODE = Pattern.compile("[?&]code=([^&#]+)");

    SoakDriver(Options o) throws IOException {
        this.o = o;
        String realmRs = o.baseUrl + "/auth/realms/" + env("SOAK_TENANT_RS") + "/protocol/openid-connect";
        String realmEs = o.baseUrl + "/auth/realms/" + env("SOAK_TENANT_ES") + "/protocol/openid-connect";
        tokenRs = realmRs + "/token";
        tokenEs = realmEs + "/token";
        introspectUrl = realmRs + "/token/introspect";
        jwksUrl = realmRs + "/certs";
        redirectUri = env("SOAK_REDIRECT_URI");
        authorizeUrl = realmEs + "/auth?response_type=code&client_id=" + enc(env("SOAK_WEB_ID")) + "&redirect_uri="
                + enc(redirectUri) + "&email=" + enc(env("SOAK_USER_EMAIL")) + "&state=soak";
        ccRsForm = "grant_type=client_credentials&client_id=" + enc(env("SOAK_CC_RS_ID")) + "&client_secret=" + enc(env("SOAK_CC_RS_SECRET"));
        ccEsForm = "grant_type=client_credentials&client_id=" + enc(env("SOAK_CC_ES_ID")) + "&client_secret=" + enc(env("SOAK_CC_ES_SECRET"));
        ccRsBasic = basic(env("SOAK_CC_RS_ID"), env("SOAK_CC_RS_SECRET"));
        pwBasic = basic(env("SOAK_PW_ID"), env("SOAK_PW_SECRET"));
        webBasic = basic(env("SOAK_WEB_ID"), env("SOAK_WEB_SECRET"));
        rsApiBasic = basic(env("SOAK_RS_API_ID"), env("SOAK_RS_API_SECRET"));
        passwordForm = "grant_type=password&username=" + enc(env("SOAK_USER_EMAIL")) + "&password=" + enc(env("SOAK_USER_PASSWORD"));
        introspectToken = new AtomicReference<>(env("SOAK_INTROSPECT_TOKEN"));
        String seed = System.getenv("SOAK_REFRESH_SEED");
        if (seed != null && !seed.isEmpty()) {
            for (String line : Files.readAllLines(Path.of(seed))) if (!line.isBlank()) refreshTokens.add(line.trim());
        }
        for (String s : o.weights.keySet()) totals.put(s, new ScenarioTotals(new Latencies(), new long[2]));
        // HTTP/1.1 (no h2c upgrade), redirects are answers to check (the authorization 302), not to follow
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(2, daemon("soak-http"))).build();
        startNanos = System.nanoTime();
    }

    static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) throw new IllegalArgumentException("environment variable " + name + " is not set");
        return v;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(id) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // --- requests -----------------------------------------------------------------------------------------------

    /** One request of a scenario and how to judge its answer: null when expected, else the kind of error. */
    record Call(HttpRequest request, Judge judge) {
    }

    interface Judge {
        String judge(HttpResponse<String> response);
    }

    static HttpRequest.Builder post(String url, String form) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form));
    }

    /** The next request of a scenario, or null with the error kind in {@code why[0]} when it cannot be sent. */
    Call call(String scenario, String[] why) {
        Duration timeout = Duration.ofSeconds(o.timeoutS);
        return switch (scenario) {
            case "cc-rs256-form" -> new Call(post(tokenRs, ccRsForm).timeout(timeout).build(), this::keepIntrospectToken);
            case "cc-es256-form" -> new Call(post(tokenEs, ccEsForm).timeout(timeout).build(), r -> tokenIssued(r));
            case "cc-rs256-basic" -> new Call(post(tokenRs, "grant_type=client_credentials").header("Authorization", ccRsBasic)
                    .timeout(timeout).build(), this::keepIntrospectToken);
            case "password" -> new Call(post(tokenEs, passwordForm).header("Authorization", pwBasic).timeout(timeout).build(),
                    r -> tokenIssued(r));
            case "refresh" -> {
                String token = refreshTokens.pollFirst();
                if (token == null) {
                    // every token is in flight: only when responses pile up (a cold start), which the latencies show;
                    // not the service's error, so counted apart (the pool refills from the code exchanges)
                    why[0] = "no unspent refresh token (all in flight)";
                    yield null;
                }
                yield new Call(post(tokenEs, "grant_type=refresh_token&refresh_token=" + enc(token)).header("Authorization", webBasic)
                        .timeout(timeout).build(), this::keepRefreshToken);
            }
            case "authcode" -> {
                // like bench/wrk/authcode.lua: exchange a code when one is waiting, else ask for one; they alternate
                String code = codes.poll();
                if (code != null) {
                    yield new Call(post(tokenEs, "grant_type=authorization_code&code=" + code + "&redirect_uri=" + enc(redirectUri))
                            .header("Authorization", webBasic).timeout(timeout).build(), this::keepRefreshToken);
                }
                yield new Call(HttpRequest.newBuilder(URI.create(authorizeUrl)).header("Accept", "text/html").timeout(timeout).GET().build(),
                        this::keepCode);
            }
            case "introspect" -> new Call(post(introspectUrl, "token=" + enc(introspectToken.get())).header("Authorization", rsApiBasic)
                    .timeout(timeout).build(), r -> r.statusCode() != 200 ? status(r)
                    : r.body().contains("\"active\":true") ? null : "200 not active");
            case "jwks" -> new Call(HttpRequest.newBuilder(URI.create(jwksUrl)).header("Accept", "application/json").timeout(timeout).GET().build(),
                    r -> r.statusCode() != 200 ? status(r) : r.body().contains("\"keys\"") ? null : "200 without keys");
            default -> throw new IllegalStateException(scenario);
        };
    }

    static String status(HttpResponse<String> r) {
        return String.valueOf(r.statusCode());
    }

    static String tokenIssued(HttpResponse<String> r) {
        if (r.statusCode() != 200) return status(r);
        return ACCESS_TOKEN.matcher(r.body()).find() ? null : "200 without access_token";
    }

    /** The newest access token of the RS256 tenant is the one introspected: always fresh, never expired. */
    String keepIntrospectToken(HttpResponse<String> r) {
        if (r.statusCode() != 200) return status(r);
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (!m.find()) return "200 without access_token";
        introspectToken.set(m.group(1));
        return null;
    }

    /** Refresh and code exchange: the new refresh token (rotation) goes back into the pool. */
    String keepRefreshToken(HttpResponse<String> r) {
        if (r.statusCode() != 200) return status(r);
        Matcher m = REFRESH_TOKEN.matcher(r.body());
        if (!m.find()) return "200 without refresh_token";
        if (refreshTokens.size() < REFRESH_POOL_MAX) refreshTokens.addLast(m.group(1));
        return null;
    }

    String keepCode(HttpResponse<String> r) {
        if (r.statusCode() != 302) return status(r);
        Matcher m = CODE.matcher(r.headers().firstValue("Location").orElse(""));
        if (!m.find()) return "302 without code";
        codes.add(m.group(1));
        return null;
    }

    // --- recording ----------------------------------------------------------------------------------------------

    static final long NOT_SENT = Long.MIN_VALUE;

    /** A request that was answered (or failed in transit); scheduledNanos NOT_SENT: never sent, no latency. */
    void record(String scenario, long scheduledNanos, String error, String sample) {
        long latencyUs = (System.nanoTime() - scheduledNanos) / 1000;
        synchronized (lock) {
            if (scheduledNanos != NOT_SENT) {
                bucket.completed++;
                bucket.latencies.add(latencyUs);
                if (measuring) {
                    ScenarioTotals t = totals.get(scenario);
                    t.latencies.add(latencyUs);
                    t.counts[0]++;
                }
            }
            if (error != null) {
                String key = scenario + ": " + error;
                bucket.errors++;
                bucket.errorsByKind.merge(key, 1L, Long::sum);
                allErrors.merge(key, 1L, Long::sum);
                if (measuring) totals.get(scenario).counts[1]++;
                errorSamples.putIfAbsent(key, new ErrorSample(scenario, error, sample == null ? "" : sample));
            }
        }
    }

    static String snippet(String body) {
        if (body == null) return "";
        String s = body.replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    void send(String scenario, long scheduledNanos) {
        String[] why = new String[1];
        Call c;
        try {
            c = call(scenario, why);
        } catch (RuntimeException e) {
            record(scenario, NOT_SENT, "driver: " + e, null);
            return;
        }
        if (c == null) {
            synchronized (lock) {
                bucket.skipped++;
                allSkipped.merge(scenario + ": " + why[0], 1L, Long::sum);
            }
            return;
        }
        if (inFlight.incrementAndGet() > o.maxInFlight) {
            inFlight.decrementAndGet();
            // the service is that far behind: an error, with no latency to record
            record(scenario, NOT_SENT, "not sent: " + o.maxInFlight + " requests already in flight", null);
            return;
        }
        http.sendAsync(c.request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            inFlight.decrementAndGet();
            if (e != null) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                record(scenario, scheduledNanos, cause.getClass().getSimpleName(), snippet(cause.getMessage()));
                return;
            }
            String error;
            try {
                error = c.judge.judge(r);
            } catch (RuntimeException ex) {
                error = "driver: " + ex;
            }
            record(scenario, scheduledNanos, error, error == null ? null : snippet(r.body()));
        });
    }

    // --- the process we watch -----------------------------------------------------------------------------------

    static final long CLK_TCK = 100; // USER_HZ: 100 on every Linux the JDK runs on

    /** {rss kB, threads} from /proc/pid/status; {0, 0} when unknown. */
    long[] rssThreads() {
        if (o.pid <= 0) return new long[] {0, 0};
        long rss = 0, threads = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + o.pid + "/status"))) {
                if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", ""));
                else if (line.startsWith("Threads:")) threads = Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
        return new long[] {rss, threads};
    }

    /** utime+stime of the service in clock ticks. */
    long cpuTicks() {
        return o.pid <= 0 ? 0 : ticksOf(String.valueOf(o.pid));
    }

    /** utime+stime of a process in clock ticks, 0 when it is gone. */
    static long ticksOf(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy ticks of all CPUs (/proc/stat: user nice system irq softirq steal; not idle, not iowait). */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Ticks of the PostgreSQL backends serving our database (command line "postgres: … <db> …"). */
    long postgresTicks() {
        if (o.db == null) return 0;
        long total = 0;
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                String cmd;
                try {
                    cmd = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    continue;
                }
                if (cmd.startsWith("postgres: ") && cmd.contains(" " + o.db + " ")) total += ticksOf(dir.getFileName().toString());
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    /** {service, postgres, driver, machine busy} ticks now. */
    long[] cpuNow() {
        return new long[] {cpuTicks(), postgresTicks(), ticksOf("self"), machineBusyTicks()};
    }

    // "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 40M->12M(128M) 3.456ms"
    static final Pattern GC_LINE = Pattern.compile("GC\\(\\d+\\) Pause .*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)[KMG]\\) (\\d+\\.\\d+)ms");
    long gcLogOffset;
    double lastHeapAfterGcMb = Double.NaN;

    /** GC pauses logged since the last call: {count, heap after the last (MB), longest pause (ms)}. */
    double[] gcSince() {
        if (o.gcLog == null || !Files.exists(o.gcLog)) return new double[] {0, lastHeapAfterGcMb, 0};
        int count = 0;
        double maxPause = 0;
        try (RandomAccessFile f = new RandomAccessFile(o.gcLog.toFile(), "r")) {
            if (f.length() < gcLogOffset) gcLogOffset = 0;
            f.seek(gcLogOffset);
            byte[] buf = new byte[(int) (f.length() - gcLogOffset)];
            f.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            if (lastNewline < 0) return new double[] {0, lastHeapAfterGcMb, 0};
            gcLogOffset += text.substring(0, lastNewline + 1).getBytes(StandardCharsets.UTF_8).length; // whole lines only
            for (String line : text.substring(0, lastNewline).split("\n")) {
                Matcher m = GC_LINE.matcher(line);
                if (!m.find()) continue;
                count++;
                lastHeapAfterGcMb = mb(Double.parseDouble(m.group(3)), m.group(4));
                maxPause = Math.max(maxPause, Double.parseDouble(m.group(6)));
            }
        } catch (IOException e) {
            return new double[] {0, lastHeapAfterGcMb, 0};
        }
        return new double[] {count, lastHeapAfterGcMb, maxPause};
    }

    static double mb(double v, String unit) {
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    // --- the run ------------------------------------------------------------------------------------------------

    final List<Row> rows = new ArrayList<>();
    final List<double[]> rssSamples = new ArrayList<>(); // {seconds since the measured phase began, RSS MB, threads}

    int run() throws Exception {
        long totalNanos = TimeUnit.SECONDS.toNanos(o.warmupS + o.durationS);
        long measureFromNanos = TimeUnit.SECONDS.toNanos(o.warmupS);
        measuring = o.warmupS == 0;
        String[] order = o.weights.keySet().toArray(String[]::new);
        double[] weight = o.weights.values().stream().mapToDouble(Double::doubleValue).toArray();
        double weightSum = Arrays.stream(weight).sum();
        gcSince(); // skip the start-up's collections

        Thread scheduler = new Thread(() -> {
            // smooth weighted round robin (nginx): exact proportions, evenly interleaved, deterministic
            double[] current = new double[order.length];
            // the warm-up's first half ramps the rate up linearly from zero (a cold JIT at full rate only builds a
            // backlog), so request i of the ramp is due at sqrt(2 · ramp · i / rate); then one every 1/rate
            double rampS = o.warmupS / 2.0;
            long rampN = (long) (o.rate * rampS / 2);
            for (long i = 0; ; i++) {
                double dueS = i < rampN ? Math.sqrt(2 * rampS * i / o.rate) : rampS + (i - rampN) / o.rate;
                long due = startNanos + (long) (dueS * 1e9);
                if (due - startNanos >= totalNanos) break;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
                long lagUs = (System.nanoTime() - due) / 1000;
                int best = 0;
                for (int k = 0; k < order.length; k++) {
                    current[k] += weight[k];
                    if (current[k] > current[best]) best = k;
                }
                current[best] -= weightSum;
                synchronized (lock) {
                    bucket.sent++;
                    bucket.maxLagUs = Math.max(bucket.maxLagUs, lagUs);
                }
                send(order[best], due);
            }
        }, "soak-scheduler");
        scheduler.setPriority(Thread.MAX_PRIORITY);
        scheduler.start();

        long[] prevCpu = cpuNow();
        long prevNanos = System.nanoTime();
        int index = 0;
        long intervalNanos = TimeUnit.SECONDS.toNanos(o.intervalS);
        // warm-up intervals end at the warm-up's end, measured ones every interval after it
        List<Long> ends = new ArrayList<>();
        for (long t = Math.min(intervalNanos, measureFromNanos); t < measureFromNanos; t += intervalNanos) ends.add(t);
        if (o.warmupS > 0) ends.add(measureFromNanos);
        for (long t = measureFromNanos + intervalNanos; t < totalNanos; t += intervalNanos) ends.add(t);
        ends.add(totalNanos);
        long prevEnd = 0;
        for (long end : ends) {
            boolean isLast = end == totalNanos;
            // sample RSS every second until the interval ends
            while (true) {
                long now = System.nanoTime() - startNanos;
                if (now >= end) break;
                LockSupport.parkNanos(Math.min(TimeUnit.SECONDS.toNanos(1), end - now));
                long[] rt = rssThreads();
                double t = (System.nanoTime() - startNanos - measureFromNanos) / 1e9;
                if (t >= 0 && rt[0] > 0) rssSamples.add(new double[] {t, rt[0] / 1024.0, rt[1]});
            }
            if (isLast) {
                // the requests still in flight belong to the last interval: wait for them (bounded by their timeout)
                scheduler.join();
                long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.timeoutS + 5);
                while (inFlight.get() > 0 && System.nanoTime() < limit) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            Bucket b;
            boolean warm;
            synchronized (lock) {
                b = bucket;
                bucket = new Bucket();
                warm = !measuring;
                if (end >= measureFromNanos) measuring = true;
            }
            long[] cpu = cpuNow();
            long nanos = System.nanoTime();
            double perCore = CLK_TCK * ((nanos - prevNanos) / 1e9);
            double cores = (cpu[0] - prevCpu[0]) / perCore, pgCores = (cpu[1] - prevCpu[1]) / perCore;
            double otherCores = Math.max(0, (cpu[3] - prevCpu[3]) - (cpu[0] - prevCpu[0]) - (cpu[1] - prevCpu[1]) - (cpu[2] - prevCpu[2])) / perCore;
            prevCpu = cpu;
            prevNanos = nanos;
            long[] rt = rssThreads();
            double[] gc = gcSince();
            long[] sorted = b.latencies.sorted();
            StringBuilder kinds = new StringBuilder();
            b.errorsByKind.forEach((k, v) -> kinds.append(kinds.isEmpty() ? "" : "; ").append(k).append(" ×").append(v));
            double seconds = (end - prevEnd) / 1e9;
            prevEnd = end;
            Row row = new Row(++index, end / 1e9, warm, b.sent, b.completed, b.errors, b.skipped, kinds.toString(),
                    Latencies.pct(sorted, 50), Latencies.pct(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1000.0,
                    rt[0] / 1024.0, (int) rt[1], cores, pgCores, otherCores, (int) gc[0], gc[1], gc[2], inFlight.get(), b.maxLagUs / 1000.0, b.latencies);
            rows.add(row);
            log(String.format(Locale.ROOT, "%s %4.0fs: %6.1f req/s, errors %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms, RSS %.0f MB, %d threads, service %.2f cores, others %.2f cores%s",
                    warm ? "warm-up" : "interval", row.tEnd, row.completed / seconds, row.errors, row.p50, row.p99, row.max,
                    row.rssMb, row.threads, row.cpuCores, row.otherCores, row.errors > 0 ? " (" + row.errorKinds + ")" : ""));
        }
        long leftover = inFlight.get();
        if (leftover > 0) {
            synchronized (lock) {
                allErrors.merge("(any): still in flight at the end", leftover, Long::sum);
            }
        }
        return report(leftover);
    }

    static void log(String s) {
        System.err.println("[soak " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + s);
    }

    // --- the report ---------------------------------------------------------------------------------------------

    static String f1(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Least-squares slope of y over x (per unit of x); NaN with fewer than two distinct x. */
    static double slope(List<double[]> points, int yIndex) {
        int n = points.size();
        if (n < 2) return Double.NaN;
        double sx = 0, sy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[yIndex];
        }
        double mx = sx / n, my = sy / n, num = 0, den = 0;
        for (double[] p : points) {
            num += (p[0] - mx) * (p[yIndex] - my);
            den += (p[0] - mx) * (p[0] - mx);
        }
        return den == 0 ? Double.NaN : num / den;
    }

    static final int MIN_TREND_SECONDS = 120;

    int report(long leftover) throws IOException {
        List<Row> measured = rows.stream().filter(r -> !r.warmup).toList();
        int third = Math.max(1, measured.size() / 3);
        Latencies first = new Latencies(), last = new Latencies(), all = new Latencies();
        for (int i = 0; i < measured.size(); i++) {
            Latencies l = measured.get(i).latencies;
            if (i < third) first.addAll(l);
            if (i >= measured.size() - third) last.addAll(l);
            all.addAll(l);
        }
        long[] fs = first.sorted(), ls = last.sorted(), as = all.sorted();
        double p50a = Latencies.pct(fs, 50), p99a = Latencies.pct(fs, 99), p50b = Latencies.pct(ls, 50), p99b = Latencies.pct(ls, 99);

        // RSS trend after warm-up: the second half of the measured phase, in MB per minute
        double half = o.durationS / 2.0;
        List<double[]> secondHalf = rssSamples.stream().filter(p -> p[0] >= half).map(p -> new double[] {p[0] / 60.0, p[1], p[2]}).toList();
        double rssSlope = slope(secondHalf, 1), threadSlope = slope(secondHalf, 2);
        List<double[]> heap = new ArrayList<>();
        for (Row r : measured) if (!Double.isNaN(r.heapAfterGcMb) && r.tEnd - o.warmupS >= half) heap.add(new double[] {(r.tEnd - o.warmupS) / 60.0, r.heapAfterGcMb});
        double heapSlope = slope(heap, 1);

        long errors = allErrors.values().stream().mapToLong(Long::longValue).sum();
        long completed = rows.stream().mapToLong(Row::completed).sum(), sent = rows.stream().mapToLong(Row::sent).sum();
        long measuredCompleted = measured.stream().mapToLong(Row::completed).sum();

        List<String> failures = new ArrayList<>();
        if (errors > 0) failures.add(errors + " error(s)");
        // a trend needs time: over less than two minutes RSS moves in steps (heap regions, code cache), not a line
        boolean trendJudged = o.durationS - half >= MIN_TREND_SECONDS;
        if (trendJudged && !Double.isNaN(rssSlope) && rssSlope > o.maxRssSlope) failures.add(String.format(Locale.ROOT, "RSS grows %.2f MB/min (limit %s)", rssSlope, f2(o.maxRssSlope)));
        String d50 = drift("p50", p50a, p50b), d99 = drift("p99", p99a, p99b);
        if (d50 != null) failures.add(d50);
        if (d99 != null) failures.add(d99);
        if (trendJudged && Double.isNaN(rssSlope) && o.pid > 0) failures.add("no RSS trend: no samples in the second half");

        long busy = measured.stream().filter(r -> r.otherCores >= o.quietCores).count();
        double maxOther = measured.stream().mapToDouble(Row::otherCores).max().orElse(0);
        StringBuilder md = new StringBuilder();
        md.append("## Verdict\n\n");
        md.append(failures.isEmpty() ? "**PASS**: no errors, RSS and latency within the limits.\n" : "**FAIL**: " + String.join("; ", failures) + ".\n");
        if (busy > 0) {
            md.append(String.format(Locale.ROOT, "\n⚠ Other processes used %s cores or more in %d of %d measured intervals (at most %s): the latencies are not the service's alone.\n",
                    f2(o.quietCores), busy, measured.size(), f2(maxOther)));
        }
        md.append("\n## Summary\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append(String.format(Locale.ROOT, "| requests | %d sent, %d completed (%d in the measured phase); %.1f req/s achieved in the measured phase (target %s) |\n",
                sent, completed, measuredCompleted, measuredCompleted / (double) o.durationS, f1(o.rate)));
        md.append("| errors | ").append(errors).append(errors == 0 ? " (none)" : " (see below)").append(" |\n");
        long skipped = allSkipped.values().stream().mapToLong(Long::longValue).sum();
        if (skipped > 0) {
            md.append("| not sent (driver) | ").append(skipped).append(": ");
            allSkipped.forEach((k, v) -> md.append(k).append(" ×").append(v).append("; "));
            md.setLength(md.length() - 2);
            md.append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "| latency, measured phase | p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms |\n",
                f1(Latencies.pct(as, 50)), f1(Latencies.pct(as, 99)), f1(Latencies.pct(as, 99.9)), as.length == 0 ? "–" : f1(as[as.length - 1] / 1000.0)));
        md.append(String.format(Locale.ROOT, "| latency drift, first → last third (%d interval(s) each) | p50 %s → %s ms (×%s), p99 %s → %s ms (×%s) |\n",
                third, f1(p50a), f1(p50b), f2(p50b / p50a), f1(p99a), f1(p99b), f2(p99b / p99a)));
        if (!secondHalf.isEmpty()) {
            double[] a = secondHalf.getFirst(), z = secondHalf.getLast();
            double max = secondHalf.stream().mapToDouble(p -> p[1]).max().orElse(Double.NaN);
            md.append(String.format(Locale.ROOT, "| RSS trend, second half (%d samples, %.1f–%.1f min) | **%s MB/min** (least squares)%s; %.0f → %.0f MB, max %.0f MB |\n",
                    secondHalf.size(), a[0], z[0], f2(rssSlope), trendJudged ? "" : ", not judged: the second half is shorter than "
                            + MIN_TREND_SECONDS / 60 + " min", a[1], z[1], max));
            md.append(String.format(Locale.ROOT, "| threads, second half | %.0f → %.0f (%s per minute) |\n", a[2], z[2], f2(threadSlope)));
        }
        if (!heap.isEmpty()) md.append(String.format(Locale.ROOT, "| heap after GC, second half | %.0f → %.0f MB (%s MB/min, from the intervals' last collections) |\n",
                heap.getFirst()[1], heap.getLast()[1], f2(heapSlope)));
        md.append(String.format(Locale.ROOT, "| other processes | %s cores on average, %s at most; %d of %d measured intervals busy (≥ %s cores)%s |\n",
                f2(measured.stream().mapToDouble(Row::otherCores).average().orElse(0)), f2(maxOther), busy, measured.size(), f2(o.quietCores),
                busy == 0 ? "" : ": latencies and their drift are disturbed, rerun on a quiet machine before judging the service"));
        md.append(String.format(Locale.ROOT, "| thresholds | errors 0; RSS slope ≤ %s MB/min; last-third p50 and p99 ≤ %s × first third, or within +%s ms |\n",
                f2(o.maxRssSlope), f2(o.maxDrift), f1(o.driftSlackMs)));

        md.append("\n## Per interval\n\n");
        md.append("Latency is measured from the time each request was scheduled (open loop). *Lag* is how late the driver sent\n"
                + "the interval's most delayed request (its own scheduling delay, included in the latencies). *Others*: the CPU of\n"
                + "every process but the service, its PostgreSQL backends and the driver; ⚠ from " + f2(o.quietCores)
                + " cores (the machine was busy: latencies there are disturbed).\n\n");
        md.append("| end (s) | phase | sent | completed/s | errors | not sent | p50 ms | p99 ms | max ms | RSS MB | threads | CPU (cores): service | PostgreSQL | others | GCs | heap after GC (MB) | longest GC pause (ms) | in flight | lag ms |\n");
        md.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double prevEnd = 0;
        for (Row r : rows) {
            double secs = r.tEnd - prevEnd;
            prevEnd = r.tEnd;
            md.append(String.format(Locale.ROOT, "| %.0f | %s | %d | %.1f | %d | %d | %s | %s | %s | %.0f | %d | %s | %s | %s%s | %d | %s | %s | %d | %s |\n",
                    r.tEnd, r.warmup ? "warm-up" : "measured", r.sent, r.completed / secs, r.errors, r.skipped, f1(r.p50), f1(r.p99), f1(r.max), r.rssMb,
                    r.threads, f2(r.cpuCores), f2(r.pgCores), f2(r.otherCores), r.otherCores >= o.quietCores ? " ⚠" : "", r.gcs, f1(r.heapAfterGcMb), f1(r.maxPauseMs), r.inFlight, f1(r.maxLagMs)));
        }

        md.append("\n## Per scenario (measured phase)\n\n");
        md.append("| scenario | weight | requests | req/s | errors | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double wsum = o.weights.values().stream().mapToDouble(Double::doubleValue).sum();
        for (var e : totals.entrySet()) {
            long[] s = e.getValue().latencies.sorted();
            double share = 100 * o.weights.get(e.getKey()) / wsum;
            md.append(String.format(Locale.ROOT, "| %s | %s%% | %d | %.1f | %d | %s | %s | %s |\n", e.getKey(), share < 1 ? f2(share) : f1(share),
                    e.getValue().counts[0], e.getValue().counts[0] / (double) o.durationS, e.getValue().counts[1], f1(Latencies.pct(s, 50)),
                    f1(Latencies.pct(s, 99)), s.length == 0 ? "–" : f1(s[s.length - 1] / 1000.0)));
        }

        md.append("\n## Errors (warm-up included)\n\n");
        if (errors == 0) {
            md.append("None.\n");
        } else {
            md.append("| scenario: what | count | first response (start) |\n| --- | ---: | --- |\n");
            allErrors.forEach((k, v) -> {
                ErrorSample s = errorSamples.get(k);
                md.append("| ").append(k).append(" | ").append(v).append(" | ").append(s == null ? "" : s.sample.replace("|", "\\|")).append(" |\n");
            });
        }
        Files.writeString(o.outDir.resolve("soak-body.md"), md);
        Files.writeString(o.outDir.resolve("soak-verdict.txt"), (failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures)) + "\n");
        return failures.isEmpty() ? 0 : 1;
    }

    /** A failure message when the last third is slower than the first beyond both the ratio and the slack. */
    String drift(String what, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return null;
        if (b > a * o.maxDrift && b - a > o.driftSlackMs) {
            return String.format(Locale.ROOT, "%s drifted %.1f → %.1f ms (limit ×%s and +%s ms)", what, a, b, f2(o.maxDrift), f1(o.driftSlackMs));
        }
        return null;
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("soak driver: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SoakDriver d;
        try {
            d = new SoakDriver(o);
        } catch (IllegalArgumentException e) {
            System.err.println("soak driver: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(d.run());
    }
}
