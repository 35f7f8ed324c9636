package dev.tollgate.application.fake;

import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.port.AccessTokenVerifier;
import dev.tollgate.application.port.TokenSigner;
import dev.tollgate.application.token.VerifiedAccessToken;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.token.AccessTokenClaims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs and verifies without cryptography, in the shape of a compact JWS: {@code fake.<n>.<kid>}. A token verifies
 * when this fake signed it and its key is among the keys offered, as a real signature would.
 */
public final class FakeJws implements TokenSigner, AccessTokenVerifier {

    private record Signed(AccessTokenClaims claims, String kid) {
    }

    private final List<Signed> signed = new ArrayList<>();

    @Override
    public String sign(AccessTokenClaims claims, SigningKey key) {
        signed.add(new Signed(claims, key.keyId()));
        return "fake." + (signed.size() - 1) + "." + key.keyId();
    }

    @Override
    public Optional<VerifiedAccessToken> verify(String token, List<PublishedKey> keys) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals("fake")) {
            return Optional.empty();
        }
        int index;
        try {
            index = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (index < 0 || index >= signed.size()) {
            return Optional.empty();
        }
        Signed found = signed.get(index);
        if (!found.kid().equals(parts[2]) || keys.stream().noneMatch(k -> k.keyId().equals(found.kid()))) {
            return Optional.empty();
        }
        AccessTokenClaims c = found.claims();
        Map<String, Object> others = new LinkedHashMap<>(c.extra());
        others.put("tenant", c.tenant());
        return Optional.of(new VerifiedAccessToken(c.issuer(), c.subject(), List.of(c.audience()), c.issuedAt(),
                c.expiresAt(), c.tokenId(), c.clientId(), c.scope(), others));
    }

    /** How many tokens this fake has signed, to show that a refusal minted nothing. */
    public int signedCount() {
        return signed.size();
    }

    /** The claims of a token this fake signed, to build a look-alike with one thing changed. */
    public AccessTokenClaims claimsOf(String token) {
        return signed.get(Integer.parseInt(token.split("\\.")[1])).claims();
    }

    /** Signs {@code claims} as if with the key {@code kid}, e.g. a token of a key the tenant never had. */
    public String signAs(AccessTokenClaims claims, String kid) {
        signed.add(new Signed(claims, kid));
        return "fake." + (signed.size() - 1) + "." + kid;
    }
}
