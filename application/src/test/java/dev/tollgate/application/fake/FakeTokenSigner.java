package dev.tollgate.application.fake;

import dev.tollgate.application.port.TokenSigner;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.token.AccessTokenClaims;
import java.util.ArrayList;
import java.util.List;

/** "Signs" as {@code signed:<kid>:<claims>} and remembers what it signed. */
public final class FakeTokenSigner implements TokenSigner {

    public final List<AccessTokenClaims> signedClaims = new ArrayList<>();
    public final List<String> keyIds = new ArrayList<>();

    public static String tokenOf(String kid, AccessTokenClaims claims) {
        return "signed:" + kid + ":" + claims;
    }

    @Override
    public String sign(AccessTokenClaims claims, SigningKey key) {
        signedClaims.add(claims);
        keyIds.add(key.keyId());
        return tokenOf(key.keyId(), claims);
    }

    public AccessTokenClaims lastClaims() {
        if (signedClaims.isEmpty()) {
            throw new AssertionError("nothing was signed");
        }
        return signedClaims.getLast();
    }
}
