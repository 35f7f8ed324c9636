package dev.tollgate.adapters.crypto;

import dev.tollgate.application.port.PasswordHasher;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * bcrypt (quarkus-elytron-security-common) for user passwords: slow on purpose, with a configurable cost. Built by
 * the bootstrap with the configured cost.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    private final int cost;

    public BcryptPasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31");
        }
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    @Override
    public boolean matches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }
}
