package dev.tollgate.adapters.crypto;

import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 master key that seals signing keys and peppers secret digests. Produced by the bootstrap from
 * configuration; never printed.
 */
public final class MasterKey {

    public static final int LENGTH = 32;

    private final byte[] key;

    public MasterKey(byte[] key) {
        if (key == null || key.length != LENGTH) {
            throw new IllegalArgumentException("The master key must be exactly 32 bytes (base64 of 32 random bytes)");
        }
        this.key = key.clone();
    }

    /** Accepts standard or URL-safe base64, with or without padding. */
    public static MasterKey fromBase64(String encoded) {
        String trimmed = encoded == null ? "" : encoded.trim();
        byte[] decoded;
        try {
            decoded = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
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
