package dev.tollgate.bootstrap.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.adapters.persistence.cache.RepositoryCaches;
import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.deprecation.LegacyUsageRecorder;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Tenants, clients and keys served from memory: the client_credentials path sends no statement to PostgreSQL, a
 * change made elsewhere (another replica, or by hand) is followed within the refresh interval, and a rolled back
 * write leaves nothing behind in memory.
 */
@QuarkusTest
class RepositoryCachesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    ClientRepository clients;

    @Inject
    LegacyUsageRecorder usage;

    @Inject
    RepositoryCaches caches;

    private static int token(String tenant, String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post("/auth/realms/" + tenant + "/protocol/openid-connect/token").statusCode();
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    @Test
    void clientCredentialsSendsNoStatementOnceWarm() throws Exception {
        Tenant tenant = fixtures.tenant("cache-warm", SigningAlgorithm.ES256, List.of());
        var client = fixtures.confidentialClient(tenant, "warm", Scope.of("read"));
        // the first token creates the tenant's key; that write and the set-up's moved the cache epoch: take that
        // move in now, as the periodic refresh would, so that it does not drop the caches in the middle of the count
        assertEquals(200, token("cache-warm", "warm", client.secret()));
        caches.refresh();
        assertEquals(200, token("cache-warm", "warm", client.secret()));
        assertEquals(401, token("cache-warm", "nobody", "wrong-secret"));
        usage.flush();
        long before = sessionFactory.getStatistics().getPrepareStatementCount();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, token("cache-warm", "warm", client.secret()));
        }
        assertEquals(401, token("cache-warm", "warm", "wrong-secret"));
        assertEquals(401, token("cache-warm", "nobody", "wrong-secret"));
        assertEquals(before, sessionFactory.getStatistics().getPrepareStatementCount(),
                "tenant, client, secret digest and signing key come from memory");
    }

    @Test
    void aChangeMadeElsewhereIsFollowedWithinTheRefreshInterval() throws Exception {
        Tenant tenant = fixtures.tenant("cache-elsewhere", SigningAlgorithm.RS256, List.of());
        var client = fixtures.confidentialClient(tenant, "elsewhere", Scope.of("read"));
        assertEquals(200, token("cache-elsewhere", "elsewhere", client.secret()));
        // as another replica's admin API (or an operator with psql) would: not through this replica
        sql("update client set enabled = false where tenant_id = ? and client_id = ?", tenant.id(), "elsewhere");
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = token("cache-elsewhere", "elsewhere", client.secret());
        }
        assertEquals(401, status, "the disabled client is refused within tollgate.cache.refresh-interval (1 s)");
        sql("update client set enabled = true where tenant_id = ? and client_id = ?", tenant.id(), "elsewhere");
        deadline = System.nanoTime() + 5_000_000_000L;
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = token("cache-elsewhere", "elsewhere", client.secret());
        }
        assertEquals(200, status);
    }

    @Test
    void aRolledBackWriteLeavesNothingBehind() {
        Tenant tenant = fixtures.tenant("cache-rollback", SigningAlgorithm.RS256, List.of());
        var client = fixtures.confidentialClient(tenant, "rollback", Scope.of("read"));
        assertEquals(200, token("cache-rollback", "rollback", client.secret()));
        Client enabled = clients.find(tenant.id(), "rollback").map(ClientRegistration::client).orElseThrow();
        Client disabled = new Client(enabled.tenantId(), enabled.clientId(), enabled.name(), enabled.description(),
                enabled.kind(), enabled.grantTypes(), enabled.scopes(), enabled.lifetimes(), enabled.redirectUris(),
                enabled.authMethod(), false, enabled.jwks());

        QuarkusTransaction.begin();
        try {
            assertTrue(clients.update(disabled));
            // inside the transaction its own write is seen, read through rather than from memory
            assertFalse(clients.find(tenant.id(), "rollback").orElseThrow().client().enabled());
        } finally {
            QuarkusTransaction.rollback();
        }
        assertTrue(clients.find(tenant.id(), "rollback").orElseThrow().client().enabled(),
                "the rolled back change is not remembered");
        assertEquals(200, token("cache-rollback", "rollback", client.secret()));
    }
}
