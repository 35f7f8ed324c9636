package dev.tollgate.adapters.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.query.NativeQuery;

/** What plain-SQL repositories share: typed parameters (a null needs its type) and timestamps read back. */
public final class SqlValues {

    private SqlValues() {
    }

    /**
     * Whether PostgreSQL can hold the text: it refuses U+0000 in any text value (SQLState 22021), so such a value,
     * e.g. a client_id or a username sent by a caller, matches no row and must not reach a query.
     */
    public static boolean storable(String text) {
        return text.indexOf('\u0000') < 0;
    }

    /** A native query whose parameters can be bound with their type, so that a null is a typed null. */
    public static NativeQuery<?> nativeQuery(EntityManager em, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    /** A timestamptz column as the driver returned it. */
    public static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
