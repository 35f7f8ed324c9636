package dev.tollgate.application.port;

import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.token.IdTokenClaims;

/** Outbound port: turns ID token claims into a signed compact JWS. */
public interface IdTokenSigner {

    String sign(IdTokenClaims claims, SigningKey key);
}
