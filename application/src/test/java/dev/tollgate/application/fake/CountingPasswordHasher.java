package dev.tollgate.application.fake;

import dev.tollgate.application.port.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** A transparent "hash" that counts verifications, to show that every login attempt costs one. */
public final class CountingPasswordHasher implements PasswordHasher {

    public final AtomicInteger verifications = new AtomicInteger();

    @Override
    public String hash(String password) {
        return "hashed:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        verifications.incrementAndGet();
        return hash.equals("hashed:" + password);
    }
}
