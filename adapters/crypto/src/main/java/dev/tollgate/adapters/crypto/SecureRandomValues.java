package dev.tollgate.adapters.crypto;

import dev.tollgate.application.port.RandomValues;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

@Singleton
public class SecureRandomValues implements RandomValues {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newSecret() {
        return randomBase64Url(32);
    }

    @Override
    public String newTokenId() {
        return randomBase64Url(16);
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
