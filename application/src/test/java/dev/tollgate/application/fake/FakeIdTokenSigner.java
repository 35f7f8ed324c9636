package dev.tollgate.application.fake;

import dev.tollgate.application.port.IdTokenSigner;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.token.IdTokenClaims;
import java.util.ArrayList;
import java.util.List;

/** "Signs" ID tokens as {@code id-token:<kid>:<claims>} and remembers what it signed. */
public final class FakeIdTokenSigner implements IdTokenSigner {

    public final List<IdTokenClaims> signedClaims = new ArrayList<>();

    @Override
    public String sign(IdTokenClaims claims, SigningKey key) {
        signedClaims.add(claims);
        return "id-token:" + key.keyId() + ":" + claims;
    }

    public IdTokenClaims lastClaims() {
        if (signedClaims.isEmpty()) {
            throw new AssertionError("no ID token was signed");
        }
        return signedClaims.getLast();
    }
}
