package dev.tollgate.adapters.crypto;

import dev.tollgate.application.port.JwkSetValidator;
import dev.tollgate.domain.client.ClientJwks;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Checks a client's JWK Set with jose4j: public RSA (2048 bits or more) and EC P-256 keys for signatures only, at
 * most {@link JwkSetValidator#MAX_KEYS}, distinct kids. Private or symmetric key material is refused outright, not
 * stripped: whoever sent it has leaked it and should know. What is stored is jose4j's public-only rendering.
 */
@Singleton
public final class Jose4jJwkSetValidator implements JwkSetValidator {

    static final int MAX_JSON_LENGTH = 64 * 1024;
    static final int MIN_RSA_BITS = 2048;
    /** Members that only private (or symmetric) keys have (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    @Override
    public Result validate(String json) {
        if (json.length() > MAX_JSON_LENGTH) {
            return invalid("a JWK Set of at most " + MAX_JSON_LENGTH + " characters");
        }
        Map<String, Object> set;
        try {
            set = JsonUtil.parseJson(json);
        } catch (JoseException | RuntimeException e) {
            return invalid("a JWK Set: a JSON object with a keys array");
        }
        if (set == null || !(set.get("keys") instanceof List<?> members)) {
            return invalid("a JWK Set: a JSON object with a keys array");
        }
        if (members.size() > MAX_KEYS) {
            return invalid("at most " + MAX_KEYS + " keys");
        }
        if (members.isEmpty()) {
            return new Result.Valid(Optional.empty());
        }
        List<JsonWebKey> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            Optional<String> problem = problem(members.get(i), keys, kids);
            if (problem.isPresent()) {
                return invalid("key " + i + ": " + problem.get());
            }
        }
        return new Result.Valid(Optional.of(new ClientJwks(
                new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
    }

    private static Optional<String> problem(Object member, List<JsonWebKey> keys, Set<String> kids) {
        if (!(member instanceof Map<?, ?> map)) {
            return Optional.of("not a JSON object");
        }
        Object kty = map.get("kty");
        if ("oct".equals(kty)) {
            return Optional.of("symmetric keys are not accepted; HS256 assertions use the client secret");
        }
        if (!"RSA".equals(kty) && !"EC".equals(kty)) {
            return Optional.of("kty must be RSA or EC");
        }
        if (map.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains)) {
            return Optional.of("private key material is not accepted; register the public key only");
        }
        JsonWebKey key;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) map;
            key = JsonWebKey.Factory.newJwk(params);
        } catch (JoseException | RuntimeException e) {
            return Optional.of("not a valid " + kty + " public key");
        }
        if (key instanceof RsaJsonWebKey rsa
                && ((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength() < MIN_RSA_BITS) {
            return Optional.of("RSA keys must have at least " + MIN_RSA_BITS + " bits");
        }
        if (key instanceof EllipticCurveJsonWebKey ec && !EllipticCurves.P_256.equals(ec.getCurveName())) {
            return Optional.of("EC keys must be on the P-256 curve (ES256)");
        }
        if (key instanceof EllipticCurveJsonWebKey ec && !onCurve(ec.getECPublicKey())) {
            // jose4j takes any coordinates: a point off the curve is no public key at all
            return Optional.of("not a valid EC public key (the point is not on P-256)");
        }
        if (key.getUse() != null && !"sig".equals(key.getUse())) {
            return Optional.of("use must be sig");
        }
        String expectedAlg = key instanceof RsaJsonWebKey ? "RS256" : "ES256";
        if (key.getAlgorithm() != null && !expectedAlg.equals(key.getAlgorithm())) {
            return Optional.of("alg must be " + expectedAlg + " for this key");
        }
        if (key.getKeyId() != null && key.getKeyId().chars().anyMatch(Character::isISOControl)) {
            // a kid is matched against assertions' headers and stored as text: control characters have no place
            return Optional.of("kid must not contain control characters");
        }
        if (key.getKeyId() != null && !kids.add(key.getKeyId())) {
            return Optional.of("kid " + key.getKeyId() + " is used twice");
        }
        keys.add(key);
        return Optional.empty();
    }

    /** y² = x³ + ax + b (mod p), with both coordinates reduced: SEC 1 §3.2.2.1's check of a public point. */
    static boolean onCurve(ECPublicKey key) {
        ECParameterSpec params = key.getParams();
        if (!(params.getCurve().getField() instanceof ECFieldFp field)) {
            return false;
        }
        BigInteger p = field.getP();
        BigInteger x = key.getW().getAffineX();
        BigInteger y = key.getW().getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static Result invalid(String reason) {
        return new Result.Invalid(reason);
    }
}
