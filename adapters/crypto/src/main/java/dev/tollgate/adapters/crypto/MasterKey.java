package dev.tollgate.adapters.crypto;

import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 master key that seals signing keys and peppers secret digests. Not a bean: the bootstrap produces it
 * from configuration. Neither {@link #toString()} nor any exception message ever shows the key.
 */
public final class MasterKey {

    public static final int LENGTH = 32;

    private final byte[] key;

    /** Copies {@code key}, so the caller may wipe its array afterwards. */
    public MasterKey(byte[] key) {
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("The master key must be exactly " + LENGTH + " bytes, got "
                    + (key == null ? "none" : key.length + " bytes")
                    + " (expected the base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
        }
        this.key = key.clone();
    }

    /** Accepts standard or URL-safe base64, with or without padding, surrounding whitespace ignored. */
    public static MasterKey fromBase64(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("The master key is missing");
        }
        // the URL-safe alphabet differs only in '-' and '_': map them to '+' and '/' and decode once
        String standard = encoded.strip().replace('-', '+').replace('_', '/');
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(standard);
        } catch (IllegalArgumentException e) {
            // the decoder's own message quotes the offending character, which is part of the key: drop it
            throw new IllegalArgumentException("The master key is not valid base64");
        }
        try {
            return new MasterKey(decoded);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    SecretKey aesKey() {
        return new SecretKeySpec(key, "AES");
    }

    SecretKey hmacKey() {
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String toString() {
        return "MasterKey[32 bytes]";
    }
}
