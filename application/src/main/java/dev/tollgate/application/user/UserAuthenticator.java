package dev.tollgate.application.user;

import dev.tollgate.application.abuse.Lockouts;
import dev.tollgate.application.port.PasswordHasher;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks a user's password. An unknown user, a disabled user and a wrong password look the same from outside: each
 * costs one hash verification (a dummy hash stands in for a missing user) and each ends in "no". Failed checks count
 * towards the brute-force {@link Lockouts} of the login and of the caller's source address; a locked login is not
 * checked at all (no hash spent), whether or not such a user exists.
 */
@Singleton
public class UserAuthenticator {

    /** Longer than any login form field: anything beyond is not a credential worth hashing. */
    public static final int MAX_FIELD_LENGTH = 1024;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final RandomValues random;
    private final Lockouts lockouts;
    private volatile String dummyHash;

    @Inject
    public UserAuthenticator(UserRepository users, PasswordHasher hasher, RandomValues random, Lockouts lockouts) {
        this.users = users;
        this.hasher = hasher;
        this.random = random;
        this.lockouts = lockouts;
    }

    /** The user who signs in as {@code login} (a username, else an email) with that password, from {@code source}. */
    public PasswordCheck authenticate(Tenant tenant, String login, String password, SourceAddress source) {
        return check(tenant, login, password, source, () -> users.findByLogin(tenant.id(), login));
    }

    /** The user with that email and password: Moltin customers sign in by email only, never by username. */
    public PasswordCheck authenticateByEmail(Tenant tenant, String email, String password, SourceAddress source) {
        return check(tenant, email, password, source, () -> users.findByEmail(tenant.id(), email));
    }

    private PasswordCheck check(Tenant tenant, String login, String password, SourceAddress source,
            Supplier<Optional<StoredUser>> lookup) {
        Lockouts.Subject subject = new Lockouts.Subject.Login(login);
        Optional<Duration> locked = lockouts.lockedFor(tenant, source, subject);
        if (locked.isPresent()) {
            return new PasswordCheck.Locked(locked.get());
        }
        if (login.length() > MAX_FIELD_LENGTH || password.length() > MAX_FIELD_LENGTH) {
            // refused before hashing; the lengths alone tell nothing about the user
            lockouts.failed(tenant, source, subject);
            return new PasswordCheck.Rejected();
        }
        Optional<StoredUser> stored = lookup.get();
        boolean matches = hasher.matches(password, stored.map(StoredUser::passwordHash).orElseGet(this::dummyHash));
        Optional<User> user = stored.filter(s -> matches && s.user().enabled()).map(StoredUser::user);
        if (user.isEmpty()) {
            lockouts.failed(tenant, source, subject);
            return new PasswordCheck.Rejected();
        }
        lockouts.succeeded(tenant, subject);
        return new PasswordCheck.Accepted(user.get());
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
