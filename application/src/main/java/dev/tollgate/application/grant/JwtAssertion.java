package dev.tollgate.application.grant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JWT bearer assertion as read, before its signature is checked: nothing in it is trusted yet except its shape.
 * Every claim has the type RFC 7519 gives it; a claim of another type made the assertion malformed.
 *
 * @param compact   the assertion as sent, for the signature check; never shown
 * @param audience  {@code aud} as a list (a single string becomes one element); absent when the claim is absent
 * @param view      seed 003's {@code view}: absent, empty (the tenant's default view) or a view id
 */
public record JwtAssertion(
        String compact,
        AssertionAlgorithm algorithm,
        Optional<String> keyId,
        Optional<String> issuer,
        Optional<String> subject,
        Optional<List<String>> audience,
        Optional<Instant> issuedAt,
        Optional<Instant> expiresAt,
        Optional<Instant> notBefore,
        Optional<String> jwtId,
        Optional<String> view) {

    public JwtAssertion {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = Objects.requireNonNull(audience, "audience").map(List::copyOf);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(jwtId, "jwtId");
        Objects.requireNonNull(view, "view");
    }

    @Override
    public String toString() {
        // the compact form is a bearer credential until it expires: never in a log line
        return "JwtAssertion[" + algorithm + ", iss=" + issuer.orElse("-") + "]";
    }
}
