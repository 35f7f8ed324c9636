package dev.tollgate.application.port;

import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.token.VerifiedAccessToken;
import java.util.List;
import java.util.Optional;

/**
 * Outbound port: checks that a compact JWS was signed by one of {@code keys} (the key its {@code kid} names, with
 * that key's algorithm) and reads its claims. It judges only the signature and the shape: issuer, expiry and the deny
 * list are the use cases' to decide, with their clock. Anything that does not verify is empty, never an exception.
 */
public interface AccessTokenVerifier {

    Optional<VerifiedAccessToken> verify(String token, List<PublishedKey> keys);
}
