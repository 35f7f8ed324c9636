package dev.tollgate.adapters.persistence.user;

import dev.tollgate.application.port.UserRepository;
import dev.tollgate.application.user.StoredUser;
import dev.tollgate.domain.tenant.View;
import dev.tollgate.domain.user.User;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PanacheUserRepository implements UserRepository {

    @Override
    @Transactional
    public Optional<User> find(UUID tenantId, UUID userId) {
        return UserEntity.<UserEntity>find("tenantId = ?1 and id = ?2", tenantId, userId).firstResultOptional()
                .map(PanacheUserRepository::toDomain);
    }

    @Override
    @Transactional
    public Optional<StoredUser> findByLogin(UUID tenantId, String login) {
        if (login.indexOf('\0') >= 0) {
            // PostgreSQL text cannot hold NUL: no user has such a name, and the query would fail (22021)
            return Optional.empty();
        }
        // a username match wins over an email match: both are unique per tenant, but one user's username may be
        // another's email
        return UserEntity.<UserEntity>find("tenantId = ?1 and username = ?2", tenantId, login).firstResultOptional()
                .or(() -> UserEntity.<UserEntity>find("tenantId = ?1 and email = ?2", tenantId,
                        login.toLowerCase(Locale.ROOT)).firstResultOptional())
                .map(e -> new StoredUser(toDomain(e), e.passwordHash));
    }

    @Override
    @Transactional
    public Optional<StoredUser> findByEmail(UUID tenantId, String email) {
        if (email.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        // emails are stored in lower case (the admin API lowers them)
        return UserEntity.<UserEntity>find("tenantId = ?1 and email = ?2", tenantId, email.toLowerCase(Locale.ROOT))
                .firstResultOptional().map(e -> new StoredUser(toDomain(e), e.passwordHash));
    }

    @Override
    @Transactional
    public List<User> list(UUID tenantId, int offset, int limit) {
        return UserEntity.<UserEntity>find("tenantId", Sort.ascending("email").and("id"), tenantId)
                .range(offset, offset + limit - 1).list().stream().map(PanacheUserRepository::toDomain).toList();
    }

    @Override
    @Transactional
    public Optional<String> taken(UUID tenantId, String email, String username, UUID exceptUserId) {
        if (UserEntity.count("tenantId = ?1 and email = ?2 and id <> ?3", tenantId, email, exceptUserId) > 0) {
            return Optional.of("email");
        }
        if (UserEntity.count("tenantId = ?1 and username = ?2 and id <> ?3", tenantId, username, exceptUserId) > 0) {
            return Optional.of("username");
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public void create(User user, String passwordHash) {
        UserEntity e = new UserEntity();
        e.id = user.id();
        e.tenantId = user.tenantId();
        e.createdAt = Instant.now();
        e.passwordHash = passwordHash;
        copy(user, e);
        e.persist();
    }

    @Override
    @Transactional
    public boolean update(User user, Optional<String> passwordHash) {
        UserEntity e = UserEntity.<UserEntity>find("tenantId = ?1 and id = ?2", user.tenantId(), user.id())
                .firstResult();
        if (e == null) {
            return false;
        }
        copy(user, e);
        passwordHash.ifPresent(hash -> e.passwordHash = hash);
        return true;
    }

    @Override
    @Transactional
    public boolean delete(UUID tenantId, UUID userId) {
        return UserEntity.delete("tenantId = ?1 and id = ?2", tenantId, userId) > 0;
    }

    private static void copy(User user, UserEntity e) {
        e.email = user.email();
        e.username = user.username();
        e.name = user.name();
        e.roles = user.roles().toArray(String[]::new);
        e.enabled = user.enabled();
        e.view = user.view().map(View::id).orElse(null);
        e.updatedAt = Instant.now();
    }

    private static User toDomain(UserEntity e) {
        return new User(e.id, e.tenantId, e.email, e.username, e.name, List.of(e.roles), e.enabled,
                Optional.ofNullable(e.view).map(View::new));
    }
}
