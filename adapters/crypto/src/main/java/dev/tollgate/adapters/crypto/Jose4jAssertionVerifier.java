package dev.tollgate.adapters.crypto;

import dev.tollgate.application.grant.AssertionAlgorithm;
import dev.tollgate.application.grant.AssertionKeys;
import dev.tollgate.application.grant.JwtAssertion;
import dev.tollgate.application.port.AssertionVerifier;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Reads and verifies JWT bearer assertions with jose4j. Reading is done by hand on the compact form so that every
 * deviation (part count, base64url alphabet, UTF-8, duplicate JSON members, claim types) is refused the same way;
 * verifying always pins jose4j to the one algorithm the key allows, so the header's {@code alg} never chooses how a
 * key is used (RFC 8725 §3.1).
 */
@Singleton
public final class Jose4jAssertionVerifier implements AssertionVerifier {

    /** Far beyond any honest assertion; bounds the work of reading one. */
    static final int MAX_LENGTH = 8 * 1024;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    @Override
    public Outcome<JwtAssertion> read(String compact) {
        if (compact.length() > MAX_LENGTH) {
            return malformed("The assertion is too long");
        }
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return malformed("The assertion is not a JWS in compact form (three base64url parts)");
        }
        for (String part : parts) {
            if (!BASE64URL.matcher(part).matches()) {
                return malformed("The assertion is not a JWS in compact form (three base64url parts)");
            }
        }
        Optional<String> headerJson = utf8(parts[0]);
        Optional<String> payloadJson = utf8(parts[1]);
        if (headerJson.isEmpty() || payloadJson.isEmpty()) {
            return malformed("The assertion's header or claims are not base64url-encoded UTF-8");
        }
        Map<String, Object> header;
        try {
            header = JsonUtil.parseJson(headerJson.get());
        } catch (JoseException | RuntimeException e) {
            return malformed("The assertion's header is not a JSON object");
        }
        if (header == null) {
            return malformed("The assertion's header is not a JSON object");
        }
        if (!(header.get("alg") instanceof String alg)) {
            return malformed("The assertion's header has no alg");
        }
        Optional<AssertionAlgorithm> algorithm = AssertionAlgorithm.parse(alg);
        if (algorithm.isEmpty()) {
            return malformed("The assertion's alg is not accepted: use HS256, RS256 or ES256");
        }
        if (header.containsKey("crit")) {
            // no extension is understood here, so none can be critical (RFC 7515 §4.1.11)
            return malformed("The assertion has a crit header");
        }
        Object kid = header.get("kid");
        if (kid != null && !(kid instanceof String)) {
            return malformed("The assertion's kid is not a string");
        }
        try {
            JwtClaims claims = JwtClaims.parse(payloadJson.get());
            if (claims.getJwtId() != null && claims.getJwtId().indexOf('\u0000') >= 0) {
                // the id is remembered to refuse replays, and no database holds U+0000 in text
                return malformed("The assertion's jti is not a valid id");
            }
            return Outcome.success(new JwtAssertion(
                    compact,
                    algorithm.get(),
                    Optional.ofNullable((String) kid),
                    Optional.ofNullable(claims.getIssuer()),
                    Optional.ofNullable(claims.getSubject()),
                    claims.hasAudience() ? Optional.of(List.copyOf(claims.getAudience())) : Optional.empty(),
                    instant(claims.getIssuedAt()),
                    instant(claims.getExpirationTime()),
                    instant(claims.getNotBefore()),
                    Optional.ofNullable(claims.getJwtId()),
                    Optional.ofNullable(claims.getStringClaimValue("view"))));
        } catch (MalformedClaimException e) {
            return malformed("A claim of the assertion has the wrong type");
        } catch (InvalidJwtException | RuntimeException e) {
            // InvalidJwtException (not a JSON object), or a date beyond what an Instant holds
            return malformed("The assertion's claims are not a valid JSON object");
        }
    }

    @Override
    public boolean verify(JwtAssertion assertion, AssertionKeys keys) {
        return switch (keys) {
            case AssertionKeys.SharedSecrets shared -> assertion.algorithm() == AssertionAlgorithm.HS256
                    && shared.secrets().stream().anyMatch(secret -> verifies(assertion,
                            new HmacKey(secret.getBytes(StandardCharsets.UTF_8))));
            case AssertionKeys.PublicKeys registered -> assertion.algorithm().asymmetric()
                    && candidates(registered, assertion).stream().anyMatch(key -> verifies(assertion, key));
        };
    }

    /** The registered keys that may have signed: of the algorithm's key type, and the one named by kid if any. */
    private static List<Key> candidates(AssertionKeys.PublicKeys registered, JwtAssertion assertion) {
        List<JsonWebKey> keys;
        try {
            keys = new JsonWebKeySet(registered.jwks().json()).getJsonWebKeys();
        } catch (JoseException e) {
            return List.of();
        }
        return keys.stream()
                .filter(key -> fits(key, assertion.algorithm()))
                .filter(key -> assertion.keyId().isEmpty() || assertion.keyId().get().equals(key.getKeyId()))
                .map(key -> (Key) ((PublicJsonWebKey) key).getPublicKey())
                .toList();
    }

    /** A key may verify an algorithm when its type (and curve) suits it and its use and alg, if set, allow it. */
    static boolean fits(JsonWebKey key, AssertionAlgorithm algorithm) {
        boolean type = switch (algorithm) {
            case RS256 -> key instanceof RsaJsonWebKey;
            case ES256 -> key instanceof EllipticCurveJsonWebKey ec && EllipticCurves.P_256.equals(ec.getCurveName());
            case HS256 -> false;
        };
        return type
                && (key.getUse() == null || "sig".equals(key.getUse()))
                && (key.getAlgorithm() == null || algorithm.name().equals(key.getAlgorithm()));
    }

    private static boolean verifies(JwtAssertion assertion, Key key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, assertion.algorithm().name()));
            jws.setCompactSerialization(assertion.compact());
            jws.setKey(key);
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            // a key too short for the algorithm, a signature of the wrong length: not verified, never an error
            return false;
        }
    }

    private static Optional<String> utf8(String base64url) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(base64url);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(NumericDate date) {
        return Optional.ofNullable(date).map(d -> Instant.ofEpochSecond(d.getValue()));
    }

    private static <T> Outcome<T> malformed(String description) {
        return Outcome.failure(OAuthError.invalidGrant(description));
    }
}
