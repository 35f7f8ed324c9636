package dev.tollgate.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.port.RefreshTokenRepository;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * RFC 9700 §4.14.2 under a race, made deterministic: the holder of a family's current token is rotating it (its
 * transaction has marked the token rotated and stored the successor, not committed yet) when a replay of an older
 * token makes the service revoke the family. The revocation waits for the holder's row lock; when the holder commits,
 * the successor it stored must be revoked too. One UPDATE cannot see it (PostgreSQL scans the rows as of the
 * statement's start and only re-checks the rows it had to wait for), so the holder would keep a live token in a family
 * revoked for theft.
 */
@QuarkusTest
class ReuseRevocationRaceTest {

    @Inject
    RefreshTokenRepository repository;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSuccessorCommittedWhileTheFamilyIsRevokedIsRevokedToo() throws Exception {
        UUID family = UUID.randomUUID();
        UUID replaced = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        UUID successor = UUID.randomUUID();
        try (Connection setup = dataSource.getConnection()) {
            insert(setup, replaced, family, "rotated");
            insert(setup, current, family, "active");
        }

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            // the holder's rotation (RefreshTokens.renew): the conditional update, then the new token
            try (PreparedStatement rotate = holder.prepareStatement(
                    "update refresh_token set state = 'rotated', changed_at = now() where id = ? and state = 'active'")) {
                rotate.setObject(1, current);
                assertEquals(1, rotate.executeUpdate());
            }
            insert(holder, successor, family, "active");

            CompletableFuture<Integer> revocation = CompletableFuture.supplyAsync(
                    () -> repository.revokeFamily(family, Instant.now()));
            awaitRevocationBlocked();
            holder.commit();
            revocation.get(30, TimeUnit.SECONDS);
        }

        assertEquals(Map.of("revoked", 3), states(family), "every token of the family, the holder's new one too");
    }

    private void insert(Connection connection, UUID id, UUID family, String state) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into refresh_token (id, tenant_id, family_id, client_id, user_id, digest, scope, issued_at, state)
                values (?, (select id from tenant where slug = 'acme-staging'), ?, 'race-client', ?, ?, '', ?, ?)
                """)) {
            insert.setObject(1, id);
            insert.setObject(2, family);
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, "race-digest-" + id);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.setString(6, state);
            insert.executeUpdate();
        }
    }

    /** Until the revocation waits for the holder's row lock (bounded, so a hang fails instead). */
    private void awaitRevocationBlocked() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Connection connection = dataSource.getConnection();
                    ResultSet rows = connection.createStatement().executeQuery("""
                            select count(*) from pg_stat_activity
                            where datname = current_database() and wait_event_type = 'Lock'
                              and query like 'update refresh_token set state = ''revoked''%'
                            """)) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "the revocation never waited for the holder's lock");
            Thread.sleep(10);
        }
    }

    private Map<String, Integer> states(UUID family) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select state, count(*) from refresh_token where family_id = ? group by state")) {
            query.setObject(1, family);
            Map<String, Integer> states = new TreeMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getInt(2));
                }
            }
            return states;
        }
    }
}
