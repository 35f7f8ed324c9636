package dev.tollgate.adapters.crypto;

import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.port.AccessTokenVerifier;
import dev.tollgate.application.token.VerifiedAccessToken;
import dev.tollgate.domain.scope.Scope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.JoseException;

/**
 * Verifies Tollgate's own access tokens with jose4j. The key is the one the {@code kid} names, and the header's
 * {@code alg} must be that key's algorithm: no {@code none}, no HMAC keyed with a public key, no key picked by trying
 * them all.
 */
@Singleton
public final class Jose4jAccessTokenVerifier implements AccessTokenVerifier {

    /** The claims {@link VerifiedAccessToken} names; the rest travel in its other claims. */
    private static final Set<String> NAMED_CLAIMS =
            Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope");

    private static final AlgorithmConstraints SIGNATURES_TOLLGATE_MAKES = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, "RS256", "ES256");

    @Inject
    public Jose4jAccessTokenVerifier() {
    }

    @Override
    public Optional<VerifiedAccessToken> verify(String token, List<PublishedKey> keys) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(SIGNATURES_TOLLGATE_MAKES);
            jws.setCompactSerialization(token);
            String kid = jws.getKeyIdHeaderValue();
            Optional<PublishedKey> key = keys.stream().filter(k -> k.keyId().equals(kid)).findFirst();
            if (key.isEmpty() || !key.get().algorithm().name().equals(jws.getAlgorithmHeaderValue())) {
                return Optional.empty();
            }
            jws.setKey(key.get().publicKey());
            if (!jws.verifySignature()) {
                return Optional.empty();
            }
            return claims(JwtClaims.parse(jws.getPayload()));
        } catch (JoseException | InvalidJwtException | MalformedClaimException | RuntimeException e) {
            // malformed, unsupported or forged: the caller learns only that it did not verify
            return Optional.empty();
        }
    }

    private static Optional<VerifiedAccessToken> claims(JwtClaims claims) throws MalformedClaimException {
        String issuer = claims.getIssuer();
        String subject = claims.getSubject();
        NumericDate issuedAt = claims.getIssuedAt();
        NumericDate expiresAt = claims.getExpirationTime();
        String tokenId = claims.getJwtId();
        String clientId = claims.getStringClaimValue("client_id");
        String scope = claims.getStringClaimValue("scope");
        if (issuer == null || subject == null || issuedAt == null || expiresAt == null || tokenId == null
                || clientId == null) {
            return Optional.empty();
        }
        Optional<Scope> scopes = scope == null ? Optional.of(Scope.EMPTY) : Scope.parse(scope);
        if (scopes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> others = new LinkedHashMap<>();
        claims.getClaimsMap(NAMED_CLAIMS).forEach((name, value) -> {
            if (value != null) {
                others.put(name, value);
            }
        });
        List<String> audience = claims.hasAudience() ? claims.getAudience() : List.of();
        return Optional.of(new VerifiedAccessToken(issuer, subject, audience,
                Instant.ofEpochSecond(issuedAt.getValue()), Instant.ofEpochSecond(expiresAt.getValue()), tokenId,
                clientId, scopes.get(), others));
    }
}
