package dev.tollgate.application.legacy;

import java.util.Objects;

/** A username (or email) and password as a v0 caller sent them. */
public record PasswordLogin(String username, String password) {

    public PasswordLogin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "PasswordLogin[username=" + username + "]";
    }
}
