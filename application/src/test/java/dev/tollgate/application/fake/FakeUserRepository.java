package dev.tollgate.application.fake;

import dev.tollgate.application.port.UserRepository;
import dev.tollgate.application.user.StoredUser;
import dev.tollgate.domain.user.User;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Users in a map, with their password hashes; logins match a username, else an email ignoring case. */
public final class FakeUserRepository implements UserRepository {

    private final Map<UUID, StoredUser> users = new ConcurrentHashMap<>();
    public int loginLookups;

    @Override
    public Optional<User> find(UUID tenantId, UUID userId) {
        return Optional.ofNullable(users.get(userId)).map(StoredUser::user).filter(u -> u.tenantId().equals(tenantId));
    }

    @Override
    public Optional<StoredUser> findByLogin(UUID tenantId, String login) {
        loginLookups++;
        List<StoredUser> ofTenant = users.values().stream().filter(s -> s.user().tenantId().equals(tenantId)).toList();
        return ofTenant.stream().filter(s -> s.user().username().equals(login)).findFirst()
                .or(() -> ofTenant.stream()
                        .filter(s -> s.user().email().equals(login.toLowerCase(Locale.ROOT))).findFirst());
    }

    @Override
    public Optional<StoredUser> findByEmail(UUID tenantId, String email) {
        return users.values().stream()
                .filter(s -> s.user().tenantId().equals(tenantId) && s.user().email().equalsIgnoreCase(email))
                .findFirst();
    }

    @Override
    public List<User> list(UUID tenantId, int offset, int limit) {
        return users.values().stream().map(StoredUser::user).filter(u -> u.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(User::email)).skip(offset).limit(limit).toList();
    }

    @Override
    public Optional<String> taken(UUID tenantId, String email, String username, UUID exceptUserId) {
        for (StoredUser stored : users.values()) {
            User u = stored.user();
            if (u.tenantId().equals(tenantId) && !u.id().equals(exceptUserId)) {
                if (u.email().equals(email)) {
                    return Optional.of("email");
                }
                if (u.username().equals(username)) {
                    return Optional.of("username");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void create(User user, String passwordHash) {
        users.put(user.id(), new StoredUser(user, passwordHash));
    }

    @Override
    public boolean update(User user, Optional<String> passwordHash) {
        StoredUser current = users.get(user.id());
        if (current == null) {
            return false;
        }
        users.put(user.id(), new StoredUser(user, passwordHash.orElse(current.passwordHash())));
        return true;
    }

    @Override
    public boolean delete(UUID tenantId, UUID userId) {
        return find(tenantId, userId).isPresent() && users.remove(userId) != null;
    }
}
