package dev.tollgate.application.port;

import dev.tollgate.application.user.StoredUser;
import dev.tollgate.domain.user.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: users of tenants and their password hashes. */
public interface UserRepository {

    Optional<User> find(UUID tenantId, UUID userId);

    /**
     * The user who signs in as {@code login}: the one with that username, else the one with that email (compared
     * case-insensitively), with the password hash.
     */
    Optional<StoredUser> findByLogin(UUID tenantId, String login);

    /**
     * The user with that email, compared case-insensitively, with the password hash (JWT bearer assertions and
     * Moltin customers name users by email).
     */
    Optional<StoredUser> findByEmail(UUID tenantId, String email);

    /** Users ordered by email; at most {@code limit} from {@code offset}. */
    List<User> list(UUID tenantId, int offset, int limit);

    /** Which of email/username is taken by another user of the tenant, if any ("email" or "username"). */
    Optional<String> taken(UUID tenantId, String email, String username, UUID exceptUserId);

    void create(User user, String passwordHash);

    /** Replaces the user's profile; the password hash too when one is given. */
    boolean update(User user, Optional<String> passwordHash);

    boolean delete(UUID tenantId, UUID userId);
}
