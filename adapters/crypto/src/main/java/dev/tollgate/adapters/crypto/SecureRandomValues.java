package dev.tollgate.adapters.crypto;

import dev.tollgate.application.port.RandomValues;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Secrets and token ids from one {@link SecureRandom}, which is thread-safe; URL-safe so they travel unescaped. */
@Singleton
public final class SecureRandomValues implements RandomValues {

    private static final int SECRET_BYTES = 32;
    private static final int TOKEN_ID_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecureRandomValues() {
    }

    /** 256 bits: 43 base64url characters. */
    @Override
    public String newSecret() {
        return randomBase64Url(SECRET_BYTES);
    }

    /** 128 bits: 22 base64url characters, unguessable and collision-free in practice. */
    @Override
    public String newTokenId() {
        return randomBase64Url(TOKEN_ID_BYTES);
    }

    @Override
    public UUID newId() {
        return UUID.randomUUID();
    }

    private String randomBase64Url(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}
