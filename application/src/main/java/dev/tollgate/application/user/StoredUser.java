package dev.tollgate.application.user;

import java.util.Objects;
import dev.tollgate.domain.user.User;

/** A user with the password hash it is checked against; the hash never leaves the application layer. */
public record StoredUser(User user, String passwordHash) {

    public StoredUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    @Override
    public String toString() {
        return "StoredUser[" + user.id() + "]";
    }
}
