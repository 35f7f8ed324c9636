package dev.tollgate.bootstrap.demo;

import dev.tollgate.bootstrap.embedded.EmbeddedPostgres;
import io.quarkus.bootstrap.graal.ImageInfo;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's entry point. Normally it only starts Quarkus. With {@code -Dtollgate.demo.dir=<dir>} (or
 * {@code TOLLGATE_DEMO_DIR}) it first starts an embedded PostgreSQL kept in that folder, provisions a demo tenant
 * and client, and prints a curl that gets a token: the README's first command. Not in a native executable.
 */
@QuarkusMain
public final class TollgateMain {

    static final String DEMO_TENANT = "demo";
    static final String DEMO_CLIENT = "demo-client";

    private TollgateMain() {
    }

    public static void main(String... args) throws IOException {
        String demoDir = System.getProperty("tollgate.demo.dir", System.getenv("TOLLGATE_DEMO_DIR"));
        // a native executable never runs the demo: its embedded PostgreSQL needs the -Pdemo binaries a native build lacks
        if (ImageInfo.inImageRuntimeCode() || demoDir == null || demoDir.isBlank()) {
            Quarkus.run(args);
            return;
        }
        Path dir = Path.of(demoDir).toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dir.resolve("postgres"));
        String secret = demoSecret(dir.resolve("demo-client.secret"));
        setDefault("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        setDefault("quarkus.datasource.username", postgres.username());
        setDefault("quarkus.datasource.password", postgres.password());
        setDefault("tollgate.master-key-file", dir.resolve("master.key").toString());
        setDefault("tollgate.generate-master-key", "true");
        setDefault("tollgate.default-tenant", DEMO_TENANT);
        setDefault("tollgate.bootstrap.tenant.slug", DEMO_TENANT);
        setDefault("tollgate.bootstrap.tenant.display-name", "Demo tenant");
        setDefault("tollgate.bootstrap.client.id", DEMO_CLIENT);
        setDefault("tollgate.bootstrap.client.name", "Demo API client");
        setDefault("tollgate.bootstrap.client.secret", secret);
        setDefault("tollgate.bootstrap.client.scopes", "email,profile");
        setDefault("tollgate.bootstrap.generate-admin-secret", "true");
        Quarkus.run(DemoApplication.class, args);
    }

    /** Prints how to get a token once the service listens, then runs until stopped. */
    public static final class DemoApplication implements QuarkusApplication {
        @Override
        public int run(String... args) throws IOException {
            var config = ConfigProvider.getConfig();
            int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
            String secret = config.getValue("tollgate.bootstrap.client.secret", String.class);
            String tenant = config.getValue("tollgate.bootstrap.tenant.slug", String.class);
            String client = config.getValue("tollgate.bootstrap.client.id", String.class);
            System.out.printf("""

                    Tollgate demo is running (data in %s). Get a token:

                      curl -s -X POST 'http://localhost:%d/auth/realms/%s/protocol/openid-connect/token' \\
                        --header 'Accept: application/json' \\
                        --header 'Content-Type: application/x-www-form-urlencoded' \\
                        --data-urlencode 'grant_type=client_credentials' \\
                        --data-urlencode 'client_id=%s' \\
                        --data-urlencode 'client_secret=%s'

                    Keys: http://localhost:%d/auth/realms/%s/protocol/openid-connect/certs   Stop with Ctrl+C.

                    """, System.getProperty("tollgate.demo.dir", System.getenv("TOLLGATE_DEMO_DIR")),
                    port, tenant, client, secret, port, tenant);
            Quarkus.waitForExit();
            return 0;
        }
    }

    /** The demo client's secret lives in the demo folder so the printed curl works after a restart too. */
    private static String demoSecret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort
        }
        return secret;
    }

    /** Explicit configuration (environment, -D) wins over the demo's defaults. */
    private static void setDefault(String key, String value) {
        String env = key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        if (System.getProperty(key) == null && System.getenv(env) == null) {
            System.setProperty(key, value);
        }
    }
}
