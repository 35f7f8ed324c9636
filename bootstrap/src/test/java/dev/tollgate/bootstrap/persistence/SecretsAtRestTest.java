package dev.tollgate.bootstrap.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the database holds: digests instead of secrets, sealed instead of plain private keys. */
@QuarkusTest
class SecretsAtRestTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noPlainSecretOrPrivateKeyInTheDatabase() throws Exception {
        Tenant tenant = fixtures.tenant("at-rest", SigningAlgorithm.RS256, List.of());
        var client = fixtures.confidentialClient(tenant, "at-rest-client", Scope.of("read"));
        assertTrue(client.secret().length() >= 43, "at least 256 bits of base64url");
        RestAssured.given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "at-rest-client").formParam("client_secret", client.secret())
                .post("/auth/realms/at-rest/protocol/openid-connect/token")
                .then().statusCode(200);

        String dump = dumpAllText();
        assertFalse(dump.contains(client.secret()), "a client secret is stored in plain text");
        assertFalse(dump.contains("acme-backend-secret-for-tests-only-0123456789"), "the bootstrap secret is stored");
        assertTrue(dump.contains("hmac-sha256:v1:"), "secrets are stored as digests");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet keys = s.executeQuery("select k.sealed_private_key, k.algorithm from signing_key k "
                        + "join tenant t on t.id = k.tenant_id where t.slug = 'at-rest'")) {
            assertTrue(keys.next());
            byte[] sealed = keys.getBytes(1);
            assertEquals("RS256", keys.getString(2));
            assertEquals(1, sealed[0], "sealed format version");
            // a PKCS#8 RSA key starts with this DER prefix; a sealed one must not
            assertFalse(startsWith(sealed, new byte[] {0x30, (byte) 0x82}), "private key stored unsealed");
        }
    }

    private String dumpAllText() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("tenant", "client", "client_secret", "signing_key")) {
                try (ResultSet rows = s.executeQuery("select * from " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rows.getObject(i);
                            values.add(value instanceof byte[] bytes
                                    ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
                                            + Base64.getEncoder().encodeToString(bytes)
                                    : String.valueOf(value));
                        }
                    }
                }
            }
        }
        return String.join("\n", values);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
