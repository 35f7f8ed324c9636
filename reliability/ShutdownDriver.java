import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The load and the judgement of reliability/graceful-shutdown; compiled together with KillNineDriver.java (whose
 * HTTP client and grants it uses): {@code javac -d DIR reliability/KillNineDriver.java reliability/ShutdownDriver.java}.
 *
 * <p>{@code ShutdownDriver <config> <term-file> <stop-file> <threads> <margin-ms> <stop-sending-ms>}: threads keep
 * calling the deprecated surfaces (v0 logins and refreshes, password grants: bcrypt work, so that requests are in
 * flight when the signal comes). The script writes the time of its SIGTERM (epoch ms) to the term file, then signals;
 * the threads go on sending for stop-sending-ms more (a load balancer takes that long to stop routing to a terminating
 * instance), then stop. Then: every request sent at least margin-ms before the SIGTERM (accepted, in flight) must have
 * completed with a response below 500; no request at all may get a 500; requests sent later may find the service
 * gone (connection refused or reset) or answer 503. Prints what each legacy surface answered, for the script to
 * compare with the usage the service wrote.
 */
public class ShutdownDriver {

    /** One call: when it left and ended (epoch ms), its status (-1 without a response) and what went wrong. */
    record Call(String surface, long start, long end, int status, String failure, boolean legacyAnswer) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ShutdownDriver <config> <term-file> <stop-file> <threads> <margin-ms> "
                    + "<stop-sending-ms>");
            System.exit(2);
        }
        KillNineDriver.Config config = KillNineDriver.Config.read(Path.of(args[0]));
        Path termFile = Path.of(args[1]);
        Path stopFile = Path.of(args[2]);
        int threads = Integer.parseInt(args[3]);
        long margin = Long.parseLong(args[4]);
        long stopSending = Long.parseLong(args[5]);
        KillNineDriver.Http http = new KillNineDriver.Http(config);
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            Thread t = new Thread(() -> work(worker, http, calls, termFile, stopSending, stopFile),
                    "shutdown-load-" + i);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        System.exit(judge(List.copyOf(calls), termTime(termFile), margin));
    }

    /** When the script sent SIGTERM (epoch ms), or 0 before it did (it writes the file before it signals). */
    private static long termTime(Path termFile) {
        try {
            String content = Files.readString(termFile, StandardCharsets.UTF_8).trim();
            return content.isEmpty() ? 0 : Long.parseLong(content);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static void work(int worker, KillNineDriver.Http http, ConcurrentLinkedQueue<Call> calls, Path termFile,
            long stopSending, Path stopFile) {
        String refreshToken = null;
        long term = 0;
        for (long i = worker; !Files.exists(stopFile); i++) {
            term = term != 0 ? term : termTime(termFile);
            if (term != 0 && System.currentTimeMillis() > term + stopSending) {
                return;
            }
            int op = (int) (i % 4);
            String surface = switch (op) {
                case 0 -> "v0_token";
                case 1, 2 -> refreshToken == null ? "v0_token" : "v0_refresh";
                default -> "password_grant";
            };
            long start = System.currentTimeMillis();
            try {
                KillNineDriver.Answer answer = switch (surface) {
                    case "v0_token" -> http.v0Login();
                    case "v0_refresh" -> http.refresh(KillNineDriver.Kind.V0, refreshToken);
                    default -> http.passwordGrant();
                };
                boolean legacy = answer.raw().headers().firstValue("Deprecation").isPresent();
                calls.add(new Call(surface, start, System.currentTimeMillis(), answer.status(),
                        answer.status() >= 500 ? KillNineDriver.snippet(answer.body()) : null, legacy));
                if (answer.status() == 200 && !surface.equals("password_grant")) {
                    refreshToken = answer.field("refresh_token");
                }
            } catch (ConnectException e) {
                calls.add(new Call(surface, start, System.currentTimeMillis(), -1, "refused", false));
                sleep(20);
            } catch (HttpTimeoutException e) {
                calls.add(new Call(surface, start, System.currentTimeMillis(), -1, "timeout", false));
            } catch (IOException e) {
                calls.add(new Call(surface, start, System.currentTimeMillis(), -1,
                        "reset (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", false));
                sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static int judge(List<Call> calls, long term, long margin) {
        List<String> violations = new ArrayList<>();
        int inFlight = 0;
        Map<String, Integer> after = new TreeMap<>();
        Map<String, Integer> answered = new TreeMap<>();
        Map<String, Integer> unsure = new TreeMap<>();
        long lastAnswer = 0;
        for (Call call : calls) {
            boolean accepted = call.start() < term - margin;
            if (accepted) {
                inFlight += call.end() >= term ? 1 : 0;
                if (call.status() < 0 || call.status() >= 500) {
                    violations.add(String.format("%s sent %d ms before SIGTERM, ended %+d ms after it: %s",
                            call.surface(), term - call.start(), call.end() - term,
                            call.status() < 0 ? call.failure() : call.status() + " " + call.failure()));
                }
            } else {
                String outcome = call.status() < 0
                        ? Optional.ofNullable(call.failure()).map(f -> f.startsWith("reset") ? "reset" : f).orElse("?")
                        : String.valueOf(call.status());
                after.merge(outcome, 1, Integer::sum);
                if (call.status() >= 500 && call.status() != 503) {
                    violations.add(String.format("%s sent %+d ms after SIGTERM: %d %s", call.surface(),
                            call.start() - term, call.status(), call.failure()));
                }
            }
            if (call.legacyAnswer()) {
                answered.merge(call.surface(), 1, Integer::sum);
                lastAnswer = Math.max(lastAnswer, call.end());
            } else if (call.status() < 0 && call.failure() != null && !call.failure().equals("refused")) {
                // sent but no answer: the service may or may not have counted it
                unsure.merge(call.surface(), 1, Integer::sum);
            }
        }
        if (inFlight == 0) {
            violations.add("no request was in flight at the SIGTERM: nothing was drained, the run proves nothing");
        }
        System.out.printf("calls=%d in_flight_at_sigterm=%d last_answer_after_sigterm_ms=%s%n", calls.size(), inFlight,
                lastAnswer >= term ? String.valueOf(lastAnswer - term) : "none");
        System.out.println("sent_within_margin_or_after_sigterm=" + after);
        long[] durations = calls.stream().filter(c -> c.status() == 200 && c.end() < term)
                .mapToLong(c -> c.end() - c.start()).sorted().toArray();
        if (durations.length > 0) {
            System.out.printf("duration_ms_before_sigterm p50=%d p90=%d max=%d%n", durations[durations.length / 2],
                    durations[durations.length * 9 / 10], durations[durations.length - 1]);
        }
        for (String surface : List.of("v0_token", "v0_refresh", "password_grant")) {
            System.out.printf("usage %s answered=%d unsure=%d%n", surface, answered.getOrDefault(surface, 0),
                    unsure.getOrDefault(surface, 0));
        }
        System.out.println("violations: " + violations.size());
        violations.stream().limit(30).forEach(v -> System.out.println("  VIOLATION " + v));
        return violations.isEmpty() ? 0 : 1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
