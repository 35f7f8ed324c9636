package dev.tollgate.adapters.crypto;

import dev.tollgate.application.port.SecretDigester;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 digests of client secrets, keyed with a pepper derived from the master key. Fast on purpose: the
 * secrets are 256-bit random values (see docs/secrets.md), and this runs on every token request.
 */
@Singleton
public class HmacSecretDigester implements SecretDigester {

    private static final String PREFIX = "hmac-sha256:v1:";
    private static final byte[] PEPPER_LABEL = "tollgate/client-secret-pepper/v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec pepper;
    /** Mac instances are not thread-safe; one per thread avoids both contention and per-call provider lookup. */
    private final ThreadLocal<Mac> macs;

    @Inject
    public HmacSecretDigester(MasterKey masterKey) {
        this.pepper = new SecretKeySpec(newMac(masterKey.hmacKey()).doFinal(PEPPER_LABEL), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(pepper));
    }

    @Override
    public String digest(String secret) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(secret));
    }

    @Override
    public boolean matches(String secret, String digest) {
        if (digest == null || !digest.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(digest.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret), expected);
    }

    private byte[] mac(String secret) {
        return macs.get().doFinal(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(javax.crypto.SecretKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
