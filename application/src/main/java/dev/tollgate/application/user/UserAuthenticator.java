package dev.tollgate.application.user;

import dev.tollgate.application.port.PasswordHasher;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Checks a user's password. An unknown user, a disabled user and a wrong password look the same from outside: each
 * costs one hash verification (a dummy hash stands in for a missing user) and each ends in "no".
 */
@Singleton
public class UserAuthenticator {

    /** Longer than any login form field: anything beyond is not a credential worth hashing. */
    public static final int MAX_FIELD_LENGTH = 1024;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final RandomValues random;
    private volatile String dummyHash;

    @Inject
    public UserAuthenticator(UserRepository users, PasswordHasher hasher, RandomValues random) {
        this.users = users;
        this.hasher = hasher;
        this.random = random;
    }

    /** The user who signs in as {@code login} (a username, else an email) with that password. */
    public Optional<User> authenticate(Tenant tenant, String login, String password) {
        if (login.length() > MAX_FIELD_LENGTH || password.length() > MAX_FIELD_LENGTH) {
            // refused before hashing; the lengths alone tell nothing about the user
            return Optional.empty();
        }
        return check(users.findByLogin(tenant.id(), login), password);
    }

    /** The user with that email and password: Moltin customers sign in by email only, never by username. */
    public Optional<User> authenticateByEmail(Tenant tenant, String email, String password) {
        if (email.length() > MAX_FIELD_LENGTH || password.length() > MAX_FIELD_LENGTH) {
            return Optional.empty();
        }
        return check(users.findByEmail(tenant.id(), email), password);
    }

    private Optional<User> check(Optional<StoredUser> stored, String password) {
        boolean matches = hasher.matches(password, stored.map(StoredUser::passwordHash).orElseGet(this::dummyHash));
        return stored.filter(s -> matches && s.user().enabled()).map(StoredUser::user);
    }

    /** The user a login names, without checking anything: to attribute a refused call, never to grant one. */
    public Optional<User> identify(Tenant tenant, String login) {
        if (login.length() > MAX_FIELD_LENGTH) {
            return Optional.empty();
        }
        return users.findByLogin(tenant.id(), login).map(StoredUser::user);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            // made once, at the configured cost, so that it takes as long to check as a real one
            hash = hasher.hash(random.newSecret());
            dummyHash = hash;
        }
        return hash;
    }
}
