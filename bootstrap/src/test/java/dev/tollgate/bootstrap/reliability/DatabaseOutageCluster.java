package dev.tollgate.bootstrap.reliability;

import dev.tollgate.bootstrap.embedded.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the outage test alone, never the machine's shared server: initdb into a
 * temporary folder (as the {@code postgres} user when run as root), on a free port of its own, so the test may stop
 * and start it at will. Takes the machine's installed binaries ({@code /usr/lib/postgresql/<major>/bin}), else the
 * packaged ones the other tests fall back to.
 */
public class DatabaseOutageCluster implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's field that receives the running cluster. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Handle {
    }

    private Path folder;
    private EmbeddedPostgres postgres;

    /** Whether a cluster can be made on this machine at all (the test is skipped, saying why, when not). */
    public static boolean binariesAvailable() {
        return EmbeddedPostgres.installedBinaries().isPresent() || EmbeddedPostgres.binariesAvailable();
    }

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("tollgate-outage-pg");
            // as root, PostgreSQL runs as another user, who must be able to enter the folder
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Path> installed = EmbeddedPostgres.installedBinaries();
        postgres = installed.isPresent()
                ? EmbeddedPostgres.start(folder, installed.get())
                : EmbeddedPostgres.start(folder);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(postgres, new TestInjector.AnnotatedAndMatchesType(Handle.class, EmbeddedPostgres.class));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.stop();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException leftBehind) {
                // a temporary folder: the system cleans it eventually
            }
        }
    }
}
