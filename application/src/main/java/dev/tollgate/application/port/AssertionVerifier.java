package dev.tollgate.application.port;

import dev.tollgate.application.grant.AssertionKeys;
import dev.tollgate.application.grant.JwtAssertion;
import dev.tollgate.domain.error.Outcome;

/**
 * Outbound port: reads and verifies JWT bearer assertions (RFC 7523, RFC 7515). Reading checks the shape only, so
 * that the handler can find the client named in {@code iss}; verifying checks the signature with that client's keys.
 */
public interface AssertionVerifier {

    /**
     * The header and claims of a compact JWS. {@code invalid_grant} when it is not three base64url parts of JSON
     * objects, its {@code alg} is not one of {@link dev.tollgate.application.grant.AssertionAlgorithm}, it has a
     * {@code crit} header, or a registered claim has the wrong type.
     */
    Outcome<JwtAssertion> read(String compact);

    /**
     * Whether one of {@code keys} signed the assertion with its {@code alg}: HS256 only with shared secrets, RS256 and
     * ES256 only with public keys of the matching type, chosen by {@code kid} when the assertion names one.
     */
    boolean verify(JwtAssertion assertion, AssertionKeys keys);
}
