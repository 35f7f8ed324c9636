import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load and the checks of reliability/kill-9, with nothing but the JDK (run it as a single-file program:
 * {@code java reliability/KillNineDriver.java load|verify …}).
 *
 * <p>{@code load <config> <records> <stop-file> <max-seconds> <threads>}: concurrent password grants (/oauth/token and
 * /v0/token) each followed by a few refreshes, and authorization-code sign-ins through the login page (GET
 * /oauth/authorize, the form posted back with its CSRF token, the code read from the 303's Location), half of the codes
 * exchanged at once, half kept. Every refresh token and code whose response was received is appended to the records
 * file (flushed line by line), and so is every use of one that was sent: a use whose answer never came (the service
 * was killed) leaves either outcome possible. Runs until the stop file exists.
 *
 * <p>{@code verify <config> <records>}: after the restart, every recorded code not exchanged is exchanged (exactly one
 * success, then a replay is refused); every code exchanged before the kill is refused on replay; the last refresh token
 * of each chain refreshes exactly once (then a second use is refused). Prints a summary; exits 1 on a violation.
 *
 * <p>The records hold live tokens of a throwaway database: the script keeps them in a private temporary folder.
 */
public class KillNineDriver {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: KillNineDriver load <config> <records> <stop-file> <max-seconds> <threads>\n"
                    + "       KillNineDriver verify <config> <records>");
            System.exit(2);
        }
        Config config = Config.read(Path.of(args[1]));
        switch (args[0]) {
            case "load" -> new Load(config, Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5])).run();
            case "verify" -> System.exit(new Verify(config, Path.of(args[2])).run());
            default -> {
                System.err.println("unknown mode: " + args[0]);
                System.exit(2);
            }
        }
    }

    /** What reliability/kill-9 provisioned (a properties file, so that no secret is on a command line). */
    record Config(String baseUrl, String passwordClient, String passwordSecret, String webClient, String webSecret,
            String redirectUri, String username, String password) {
        static Config read(Path file) throws IOException {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
            return new Config(p.getProperty("base_url"), p.getProperty("password_client_id"),
                    p.getProperty("password_client_secret"), p.getProperty("web_client_id"),
                    p.getProperty("web_client_secret"), p.getProperty("redirect_uri"), p.getProperty("username"),
                    p.getProperty("password"));
        }
    }

    /** The kinds of refresh token chains: whose client refreshes them, and where. */
    enum Kind {
        PW, V0, WEB
    }

    // --- HTTP --------------------------------------------------------------------------------------------------------

    /** An answer: status, body and the headers we read. */
    record Answer(int status, String body, HttpResponse<String> raw) {
        String field(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    static final class Http {
        // HTTP/1.1 as curl, browsers' first request and most SDKs send it (the JDK would try an h2c upgrade)
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        private final Config config;

        Http(Config config) {
            this.config = config;
        }

        static String form(Map<String, String> fields) {
            StringBuilder b = new StringBuilder();
            fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return b.toString();
        }

        static String basic(String id, String secret) {
            return "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }

        Answer post(String path, Map<String, String> fields, String authorization, String cookie)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        }

        Answer get(String pathAndQuery) throws IOException, InterruptedException {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(config.baseUrl() + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        }

        // the grants

        Answer passwordGrant() throws IOException, InterruptedException {
            return post("/oauth/token", Map.of("grant_type", "password", "username", config.username(),
                    "password", config.password()), basic(config.passwordClient(), config.passwordSecret()), null);
        }

        Answer v0Login() throws IOException, InterruptedException {
            return post("/v0/token", Map.of("grant_type", "password", "username", config.username(),
                    "password", config.password()), null, null);
        }

        Answer refresh(Kind kind, String token) throws IOException, InterruptedException {
            return switch (kind) {
                case V0 -> post("/v0/refresh_token", Map.of("grant_type", "refresh_token", "refresh_token", token),
                        null, null);
                case PW -> post("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", token),
                        basic(config.passwordClient(), config.passwordSecret()), null);
                case WEB -> post("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", token),
                        basic(config.webClient(), config.webSecret()), null);
            };
        }

        Answer exchange(String code, String verifier) throws IOException, InterruptedException {
            return post("/oauth/token", Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", config.redirectUri(), "code_verifier", verifier),
                    basic(config.webClient(), config.webSecret()), null);
        }

        private static final Pattern HIDDEN = Pattern.compile(
                "<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

        /** A browser's sign-in through the login page; the code of the 303's Location, or why there is none. */
        String signIn(String verifier) throws IOException, InterruptedException {
            String query = form(new LinkedHashMap<>(Map.of("response_type", "code", "client_id", config.webClient(),
                    "redirect_uri", config.redirectUri(), "state", "kill-9", "code_challenge", challenge(verifier),
                    "code_challenge_method", "S256")));
            Answer page = get("/oauth/authorize?" + query);
            if (page.status() != 200) {
                throw new Unexpected("login page", page);
            }
            String cookie = page.raw().headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("tollgate_login_csrf=")).map(c -> c.split(";", 2)[0]).findFirst()
                    .orElseThrow(() -> new Unexpected("login page without its CSRF cookie", page));
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(page.body());
            while (hidden.find()) {
                fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
            }
            fields.put("username", config.username());
            fields.put("password", config.password());
            fields.put("action", "sign_in");
            Answer signedIn = post("/oauth/authorize", fields, null, cookie);
            String location = signedIn.raw().headers().firstValue("Location").orElse("");
            if (signedIn.status() != 303 || !location.startsWith(config.redirectUri())) {
                throw new Unexpected("sign-in", signedIn);
            }
            for (String pair : URI.create(location).getRawQuery().split("&")) {
                if (pair.startsWith("code=")) {
                    return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                }
            }
            throw new Unexpected("sign-in redirect without a code", signedIn);
        }

        static String unescape(String html) {
            return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
        }

        static String challenge(String verifier) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer the load did not expect from a healthy service (recorded as a load error, never with a token). */
    static final class Unexpected extends RuntimeException {
        final int status;

        Unexpected(String what, Answer answer) {
            super(what + ": HTTP " + answer.status() + " " + snippet(answer.body()));
            this.status = answer.status();
        }
    }

    static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    static boolean isRefusal(Kind kind, Answer answer) {
        return kind == Kind.V0
                ? answer.status() == 403 && answer.body().contains("\"Authentication failed\"")
                : answer.status() == 400 && "invalid_grant".equals(answer.field("error"));
    }

    // --- load ----------------------------------------------------------------------------------------------------------

    static final class Load {
        private final Config config;
        private final Path stopFile;
        private final long deadline;
        private final int threads;
        private final BufferedWriter records;
        private final Http http;
        private final SecureRandom random = new SecureRandom();
        private final AtomicLong chains = new AtomicLong();
        private final AtomicLong codes = new AtomicLong();
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

        Load(Config config, Path records, Path stopFile, int maxSeconds, int threads) throws IOException {
            this.config = config;
            this.stopFile = stopFile;
            this.deadline = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
            this.threads = threads;
            this.records = Files.newBufferedWriter(records, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            this.http = new Http(config);
        }

        /** One line, flushed at once: it must be on disk when the service is killed a moment later. */
        synchronized void record(String... fields) {
            try {
                records.write(String.join("\t", fields));
                records.newLine();
                records.flush();
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the records", e);
            }
        }

        void count(String what) {
            counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
        }

        boolean running() {
            return System.nanoTime() < deadline && !Files.exists(stopFile);
        }

        void run() throws Exception {
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                Thread t = new Thread(() -> work(worker), "load-" + i);
                t.start();
                workers.add(t);
            }
            for (Thread t : workers) {
                t.join();
            }
            records.close();
            System.out.println("load: " + new java.util.TreeMap<>(counts));
        }

        private void work(int worker) {
            long round = 0;
            while (running()) {
                try {
                    switch ((int) ((worker + round) % 3)) {
                        case 0 -> chain(Kind.PW, http.passwordGrant());
                        case 1 -> chain(Kind.V0, http.v0Login());
                        default -> codeFlow(round);
                    }
                } catch (Unexpected e) {
                    count(e.status >= 500 ? "error_5xx" : "error_other_status");
                    record("ERR", e.getMessage());
                } catch (IOException e) {
                    // the service is gone (killed) or not back yet: nothing was received, nothing recorded
                    count("io_error");
                    sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                round++;
            }
        }

        /** A chain: the first refresh token, then up to four refreshes, each new token recorded when received. */
        private void chain(Kind kind, Answer first) throws IOException, InterruptedException {
            if (first.status() != 200 || first.field("refresh_token") == null) {
                throw new Unexpected(kind + " token", first);
            }
            String chain = kind + "-" + chains.incrementAndGet();
            String token = first.field("refresh_token");
            record("RT", chain, kind.name(), token);
            count("refresh_tokens_received");
            refreshes(kind, chain, token, 1 + random.nextInt(4));
        }

        private void refreshes(Kind kind, String chain, String token, int times) throws IOException, InterruptedException {
            for (int i = 0; i < times && running(); i++) {
                record("USE", chain, token);
                Answer answer = http.refresh(kind, token);
                if (answer.status() != 200 || answer.field("refresh_token") == null) {
                    record("DONE", chain, token, String.valueOf(answer.status()));
                    throw new Unexpected(kind + " refresh", answer);
                }
                String next = answer.field("refresh_token");
                record("RT", chain, kind.name(), next);
                record("DONE", chain, token, "200");
                count("refresh_tokens_received");
                token = next;
            }
        }

        /** A sign-in through the login page; every other code is exchanged at once (and its token refreshed). */
        private void codeFlow(long round) throws IOException, InterruptedException {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String code = http.signIn(verifier);
            String id = "CODE-" + codes.incrementAndGet();
            record("CODE", id, code, verifier, String.valueOf(System.currentTimeMillis()));
            count("codes_received");
            if (round % 2 == 0) {
                return;
            }
            record("XCHG", id);
            Answer answer = http.exchange(code, verifier);
            record("XDONE", id, String.valueOf(answer.status()));
            if (answer.status() != 200 || answer.field("refresh_token") == null) {
                throw new Unexpected("code exchange", answer);
            }
            String chain = "WEB-" + chains.incrementAndGet();
            record("RT", chain, Kind.WEB.name(), answer.field("refresh_token"));
            count("refresh_tokens_received");
            refreshes(Kind.WEB, chain, answer.field("refresh_token"), random.nextInt(3));
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- verify --------------------------------------------------------------------------------------------------------

    static final class Verify {
        /** Codes live 60 s; older ones than this are not asked about (their expiry is not what is checked here). */
        private static final long CODE_AGE_LIMIT_MILLIS = 50_000;

        private final Http http;
        private final Path recordsFile;
        private final List<String> violations = new ArrayList<>();
        private final Map<String, Long> tally = new LinkedHashMap<>();

        Verify(Config config, Path records) {
            this.http = new Http(config);
            this.recordsFile = records;
        }

        private record Code(String id, String code, String verifier, long receivedAt) {
        }

        private static final class Chain {
            Kind kind;
            String last;
            final Map<String, String> uses = new LinkedHashMap<>();
        }

        void add(String what) {
            tally.merge(what, 1L, Long::sum);
        }

        int run() throws Exception {
            Map<String, Code> codes = new LinkedHashMap<>();
            Map<String, String> exchanges = new LinkedHashMap<>();
            Map<String, Chain> chains = new LinkedHashMap<>();
            long loadErrors = 0;
            for (String line : Files.readAllLines(recordsFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "RT" -> {
                        Chain c = chains.computeIfAbsent(f[1], k -> new Chain());
                        c.kind = Kind.valueOf(f[2]);
                        c.last = f[3];
                    }
                    case "USE" -> chains.computeIfAbsent(f[1], k -> new Chain()).uses.put(f[2], "in flight");
                    case "DONE" -> chains.computeIfAbsent(f[1], k -> new Chain()).uses.put(f[2], f[3]);
                    case "CODE" -> codes.put(f[1], new Code(f[1], f[2], f[3], Long.parseLong(f[4])));
                    case "XCHG" -> exchanges.put(f[1], "in flight");
                    case "XDONE" -> exchanges.put(f[1], f[2]);
                    case "ERR" -> {
                        loadErrors++;
                        violations.add("before the kill: " + f[1]);
                    }
                    default -> throw new IllegalStateException("unknown record: " + f[0]);
                }
            }
            // codes never exchanged first: they expire a minute after they were issued
            for (Code code : codes.values()) {
                if (exchanges.get(code.id()) == null) {
                    verifyCode(code, null);
                }
            }
            for (Map.Entry<String, Chain> chain : chains.entrySet()) {
                verifyChain(chain.getKey(), chain.getValue());
            }
            // replays last: a replay revokes what the code issued (RFC 6749 §4.1.2), the chains checked above included
            for (Code code : codes.values()) {
                if (exchanges.get(code.id()) != null) {
                    verifyCode(code, exchanges.get(code.id()));
                }
            }
            long tokens = chains.values().stream().filter(c -> c.last != null).count();
            System.out.printf("recorded: %d refresh token chains (the last token of each is checked), %d codes "
                    + "(%d exchanged before the kill), %d load errors%n", tokens, codes.size(),
                    exchanges.values().stream().filter("200"::equals).count(), loadErrors);
            System.out.println("verified: " + tally);
            System.out.println("violations: " + violations.size());
            violations.stream().limit(50).forEach(v -> System.out.println("  VIOLATION " + v));
            return violations.isEmpty() ? 0 : 1;
        }

        private void verifyCode(Code code, String exchange) throws IOException, InterruptedException {
            if ("200".equals(exchange)) {
                // exchanged before the kill: spent, a replay is refused
                Answer replay = http.exchange(code.code(), code.verifier());
                if (isRefusal(Kind.WEB, replay)) {
                    add("codes_exchanged_before_kill_replay_refused");
                } else {
                    violations.add(code.id() + " exchanged before the kill, replay answered " + replay.status());
                }
                return;
            }
            if (exchange == null && System.currentTimeMillis() - code.receivedAt() > CODE_AGE_LIMIT_MILLIS) {
                add("codes_skipped_too_old");
                return;
            }
            Answer first = http.exchange(code.code(), code.verifier());
            if (first.status() == 200) {
                Answer replay = http.exchange(code.code(), code.verifier());
                if (isRefusal(Kind.WEB, replay)) {
                    add(exchange == null ? "codes_redeemed_exactly_once" : "codes_in_flight_at_kill_redeemed_once");
                } else {
                    violations.add(code.id() + " redeemed twice (replay answered " + replay.status() + ")");
                }
            } else if (exchange != null && isRefusal(Kind.WEB, first)) {
                add("codes_in_flight_at_kill_already_spent");
            } else {
                violations.add(code.id() + (exchange == null ? " (never exchanged)" : " (in flight at the kill)")
                        + " could not be redeemed: " + first.status() + " " + snippet(first.body()));
            }
        }

        private void verifyChain(String name, Chain chain) throws IOException, InterruptedException {
            if (chain.last == null) {
                return;
            }
            String use = chain.uses.get(chain.last);
            boolean inFlight = "in flight".equals(use);
            if (use != null && !inFlight) {
                // used and answered before the kill, yet no newer token recorded: the load recorded an error for it
                add("chains_ending_in_a_load_error");
                return;
            }
            Answer first = http.refresh(chain.kind, chain.last);
            if (first.status() == 200) {
                Answer second = http.refresh(chain.kind, chain.last);
                if (isRefusal(chain.kind, second)) {
                    add(inFlight ? "refresh_in_flight_at_kill_usable_once" : "refresh_tokens_usable_exactly_once");
                } else {
                    violations.add(name + " refresh token accepted twice (second use answered " + second.status() + ")");
                }
            } else if (inFlight && isRefusal(chain.kind, first)) {
                add("refresh_in_flight_at_kill_already_spent");
            } else {
                violations.add(name + (inFlight ? " (in flight at the kill)" : "") + " refresh token refused: "
                        + first.status() + " " + snippet(first.body()));
            }
        }
    }
}
