package dev.tollgate.adapters.crypto;

import dev.tollgate.application.port.SecretDigester;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 digests of client secrets, keyed with a pepper derived from the master key. Fast on purpose: the
 * secrets are 256-bit random values, so a slow hash would add nothing, and this runs on every token request. A
 * stolen table of digests is useless without the master key.
 */
@Singleton
public final class HmacSecretDigester implements SecretDigester {

    static final String PREFIX = "hmac-sha256:v1:";
    /** Prefix plus 32 bytes in unpadded base64url: anything else cannot be one of ours. */
    private static final int DIGEST_LENGTH = PREFIX.length() + 43;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PEPPER_LABEL = "tollgate/client-secret-pepper/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKey pepper;
    /** Initialised once and never used directly: cloning it skips the provider lookup and key setup per call. */
    private final Mac prototype;
    private final boolean cloneable;

    @Inject
    public HmacSecretDigester(MasterKey masterKey) {
        // a derived pepper, not the master key itself: one key, one purpose
        this.pepper = new SecretKeySpec(newMac(masterKey.hmacKey()).doFinal(PEPPER_LABEL), ALGORITHM);
        this.prototype = newMac(pepper);
        this.cloneable = isCloneable(prototype);
    }

    @Override
    public String digest(String secret) {
        return PREFIX + ENCODER.encodeToString(freshMac().doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean matches(String secret, String digest) {
        if (secret == null || digest == null || digest.length() != DIGEST_LENGTH || !digest.startsWith(PREFIX)) {
            return false;
        }
        // compare canonical encodings, not decoded bytes: the decoder would accept variants of the last character
        return MessageDigest.isEqual(
                digest(secret).getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII));
    }

    /** A Mac keeps state between calls and is not thread-safe: every call gets its own. */
    private Mac freshMac() {
        if (cloneable) {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // checked in the constructor; a provider that changes its mind still gets a working Mac below
            }
        }
        return newMac(pepper);
    }

    private static boolean isCloneable(Mac mac) {
        try {
            mac.clone();
            return true;
        } catch (CloneNotSupportedException e) {
            return false;
        }
    }

    private static Mac newMac(SecretKey key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
