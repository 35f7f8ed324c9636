package dev.tollgate.application.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Keys of the abuse ledger: readable when short, a digest of the caller-chosen part when long (bounded memory). */
final class LedgerKeys {

    private static final int MAX_PLAIN = 128;

    private LedgerKeys() {
    }

    static String of(String kind, String scope, String subject) {
        String part = subject.length() <= MAX_PLAIN ? subject : "sha256:" + sha256(subject);
        return kind + '|' + scope + '|' + part;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
