package dev.tollgate.application.admin;

import java.util.List;
import java.util.Optional;

/** What an administrator sends to create or change a user; the password is write-only. */
public record UserSpec(
        Optional<String> email,
        Optional<String> username,
        Optional<String> name,
        Optional<List<String>> roles,
        Optional<Boolean> enabled,
        Optional<String> password) {

    @Override
    public String toString() {
        return "UserSpec[" + email.orElse("-") + "]";
    }
}
