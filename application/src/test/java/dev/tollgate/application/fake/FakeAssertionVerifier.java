package dev.tollgate.application.fake;

import dev.tollgate.application.grant.AssertionAlgorithm;
import dev.tollgate.application.grant.AssertionKeys;
import dev.tollgate.application.grant.JwtAssertion;
import dev.tollgate.application.port.AssertionVerifier;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assertions as tests describe them: {@link #sign} registers claims under a made-up compact form and remembers which
 * key "signed" them (a secret, or a registered key's kid). {@link #verify} accepts exactly when that key is among the
 * keys offered and the algorithm suits them, as the real verifier would.
 */
public final class FakeAssertionVerifier implements AssertionVerifier {

    private record Signed(JwtAssertion assertion, String signingKey) {
    }

    private final Map<String, Signed> issued = new HashMap<>();
    private int count;

    /** Claims of an assertion under construction; all optional, as on the wire. */
    public static final class Claims {
        AssertionAlgorithm algorithm = AssertionAlgorithm.HS256;
        Optional<String> kid = Optional.empty();
        Optional<String> iss = Optional.empty();
        Optional<String> sub = Optional.empty();
        Optional<List<String>> aud = Optional.empty();
        Optional<Instant> iat = Optional.empty();
        Optional<Instant> exp = Optional.empty();
        Optional<Instant> nbf = Optional.empty();
        Optional<String> jti = Optional.empty();
        Optional<String> view = Optional.empty();

        public Claims alg(AssertionAlgorithm value) {
            algorithm = value;
            return this;
        }

        public Claims kid(String value) {
            kid = Optional.of(value);
            return this;
        }

        public Claims iss(String value) {
            iss = Optional.of(value);
            return this;
        }

        public Claims noIss() {
            iss = Optional.empty();
            return this;
        }

        public Claims sub(String value) {
            sub = Optional.of(value);
            return this;
        }

        public Claims aud(String... value) {
            aud = Optional.of(List.of(value));
            return this;
        }

        public Claims iat(Instant value) {
            iat = Optional.of(value);
            return this;
        }

        public Claims noIat() {
            iat = Optional.empty();
            return this;
        }

        public Claims exp(Instant value) {
            exp = Optional.of(value);
            return this;
        }

        public Claims nbf(Instant value) {
            nbf = Optional.of(value);
            return this;
        }

        public Claims jti(String value) {
            jti = Optional.of(value);
            return this;
        }

        public Claims view(String value) {
            view = Optional.of(value);
            return this;
        }
    }

    public static Claims claims() {
        return new Claims();
    }

    /** A compact "assertion" signed with {@code signingKey}: a client secret (HS256) or a registered kid. */
    public String sign(Claims c, String signingKey) {
        String compact = "assertion-" + (++count);
        issued.put(compact, new Signed(new JwtAssertion(compact, c.algorithm, c.kid, c.iss, c.sub, c.aud, c.iat, c.exp,
                c.nbf, c.jti, c.view), signingKey));
        return compact;
    }

    @Override
    public Outcome<JwtAssertion> read(String compact) {
        Signed signed = issued.get(compact);
        return signed == null
                ? Outcome.failure(OAuthError.invalidGrant("The assertion is not a JWS in compact form"))
                : Outcome.success(signed.assertion());
    }

    @Override
    public boolean verify(JwtAssertion assertion, AssertionKeys keys) {
        String signingKey = issued.get(assertion.compact()).signingKey();
        return switch (keys) {
            case AssertionKeys.SharedSecrets shared -> assertion.algorithm() == AssertionAlgorithm.HS256
                    && shared.secrets().contains(signingKey);
            case AssertionKeys.PublicKeys registered -> assertion.algorithm().asymmetric()
                    && registered.jwks().json().contains("\"kid\":\"" + signingKey + "\"");
        };
    }
}
