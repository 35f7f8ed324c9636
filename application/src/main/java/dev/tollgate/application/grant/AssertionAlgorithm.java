package dev.tollgate.application.grant;

import java.util.Arrays;
import java.util.Optional;

/**
 * The signature algorithms a JWT bearer assertion may use (RFC 7518 §3.1): an explicit allow-list, so that
 * {@code none} and every other algorithm are refused before any key is touched (RFC 8725 §3.1).
 */
public enum AssertionAlgorithm {
    /** HMAC with the client secret: the seed's assertions. */
    HS256(false),
    /** RSA PKCS#1 v1.5 with a public key the client registered. */
    RS256(true),
    /** ECDSA P-256 with a public key the client registered. */
    ES256(true);

    private final boolean asymmetric;

    AssertionAlgorithm(boolean asymmetric) {
        this.asymmetric = asymmetric;
    }

    public boolean asymmetric() {
        return asymmetric;
    }

    /** The algorithm named by a JWS {@code alg} header, compared exactly (names are case-sensitive). */
    public static Optional<AssertionAlgorithm> parse(String alg) {
        return Arrays.stream(values()).filter(a -> a.name().equals(alg)).findFirst();
    }
}
