package dev.tollgate.domain.user;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: long enough to resist guessing (NIST SP 800-63B asks for at least 8; we ask 10), short
 * enough for bcrypt (which ignores bytes past 72), and not the user's own email or username.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> check(String password, String email, String username) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("at most " + MAX_BYTES + " bytes");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        for (String own : new String[] {email, localPart, username}) {
            if (own.length() >= 3 && lower.contains(own.toLowerCase(Locale.ROOT))) {
                return Optional.of("must not contain the user's email or username");
            }
        }
        return Optional.empty();
    }
}
