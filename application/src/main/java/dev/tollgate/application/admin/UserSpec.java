package dev.tollgate.application.admin;

import java.util.List;
import java.util.Optional;

/**
 * What an administrator sends to create or change a user; the password is write-only.
 *
 * @param view the user's storefront view; an empty string removes it (the tenant's default view applies then)
 */
public record UserSpec(
        Optional<String> email,
        Optional<String> username,
        Optional<String> name,
        Optional<List<String>> roles,
        Optional<Boolean> enabled,
        Optional<String> password,
        Optional<String> view) {

    /** A spec that leaves the user's view as it is. */
    public UserSpec(Optional<String> email, Optional<String> username, Optional<String> name,
            Optional<List<String>> roles, Optional<Boolean> enabled, Optional<String> password) {
        this(email, username, name, roles, enabled, password, Optional.empty());
    }

    @Override
    public String toString() {
        return "UserSpec[" + email.orElse("-") + "]";
    }
}
