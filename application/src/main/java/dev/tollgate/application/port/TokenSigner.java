package dev.tollgate.application.port;

import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.token.AccessTokenClaims;

/** Outbound port: turns claims into a signed compact JWS. */
public interface TokenSigner {

    String sign(AccessTokenClaims claims, SigningKey key);
}
