package dev.tollgate.bootstrap.support;

import dev.tollgate.bootstrap.embedded.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The tests' PostgreSQL: a fresh {@code tollgate_test} database on the server at 127.0.0.1:5432 when one answers
 * (CI makes sure it does), otherwise an embedded PostgreSQL in a temporary folder, so that the README's test command
 * also works on a machine without PostgreSQL.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 5432;
    /** Parallel runs (e.g. two worktrees) each set their own {@code TOLLGATE_TEST_PG_DATABASE}. */
    private static final String DATABASE = System.getenv().getOrDefault("TOLLGATE_TEST_PG_DATABASE", "tollgate_test");

    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String host = System.getenv().getOrDefault("TOLLGATE_TEST_PG_HOST", HOST);
        int port = Integer.parseInt(System.getenv().getOrDefault("TOLLGATE_TEST_PG_PORT", String.valueOf(PORT)));
        String user = System.getenv().getOrDefault("TOLLGATE_TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("TOLLGATE_TEST_PG_PASSWORD", "");
        if (answers(host, port)) {
            recreateDatabase("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE,
                    "quarkus.datasource.username", user,
                    "quarkus.datasource.password", password);
        }
        try {
            Path dir = Files.createTempDirectory("tollgate-test-pg");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            embedded = EmbeddedPostgres.start(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", embedded.jdbcUrl(),
                "quarkus.datasource.username", embedded.username(),
                "quarkus.datasource.password", embedded.password());
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.stop();
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void recreateDatabase(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database on " + url + ": " + e.getMessage(), e);
        }
    }
}
