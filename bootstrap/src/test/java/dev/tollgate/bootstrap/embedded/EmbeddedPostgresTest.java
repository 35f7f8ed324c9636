package dev.tollgate.bootstrap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL of the demo run: starts from packaged binaries and keeps its data across restarts. */
class EmbeddedPostgresTest {

    @Test
    void dataSurvivesARestart() throws Exception {
        assertTrue(EmbeddedPostgres.binariesAvailable(), "the binaries are a test dependency");
        Path dir = Files.createTempDirectory("tollgate-embedded-pg");
        // as root, PostgreSQL runs as another user, who must be able to enter the folder
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        EmbeddedPostgres first = EmbeddedPostgres.start(dir);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
                Statement s = c.createStatement()) {
            s.execute("create table kept (value text)");
            s.execute("insert into kept values ('still here')");
        } finally {
            first.stop();
        }

        EmbeddedPostgres second = EmbeddedPostgres.start(dir);
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select value from kept")) {
            assertTrue(rows.next());
            assertEquals("still here", rows.getString(1));
        } finally {
            second.stop();
        }
    }
}
