package dev.tollgate.domain.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An RFC 7636 S256 code challenge. {@code plain} is not offered: it protects nothing once the authorization request
 * is seen (RFC 9700 §2.1.1).
 */
public record CodeChallenge(String value) {

    public static final String S256 = "S256";

    /** base64url of a SHA-256 digest: 43 characters, no padding. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    public CodeChallenge {
        Objects.requireNonNull(value, "value");
        if (!CHALLENGE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an S256 code challenge");
        }
    }

    /** The challenge of a request; empty when the value is not a well-formed S256 challenge. */
    public static Optional<CodeChallenge> parse(String value) {
        return value != null && CHALLENGE.matcher(value).matches() ? Optional.of(new CodeChallenge(value)) : Optional.empty();
    }

    /** The challenge a verifier answers: {@code BASE64URL(SHA256(ASCII(verifier)))}. */
    public static CodeChallenge of(String verifier) {
        return new CodeChallenge(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier)));
    }

    public static boolean isWellFormedVerifier(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    /** Whether {@code verifier} answers this challenge, compared in constant time. */
    public boolean isAnsweredBy(String verifier) {
        if (!isWellFormedVerifier(verifier)) {
            return false;
        }
        return MessageDigest.isEqual(of(verifier).value.getBytes(StandardCharsets.US_ASCII),
                value.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
