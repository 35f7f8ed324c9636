package dev.tollgate.adapters.crypto;

import dev.tollgate.application.port.TokenSigner;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.token.AccessTokenClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Singleton;

/** Signs access tokens with smallrye-jwt-build. Header: kid, alg and typ JWT, which existing callers verify. */
@Singleton
public class SmallRyeJwtTokenSigner implements TokenSigner {

    @Override
    public String sign(AccessTokenClaims claims, SigningKey key) {
        JwtClaimsBuilder builder = Jwt.claims()
                .issuer(claims.issuer())
                .subject(claims.subject())
                .audience(claims.audience())
                .issuedAt(claims.issuedAt().getEpochSecond())
                .expiresAt(claims.expiresAt().getEpochSecond())
                .claim("jti", claims.tokenId())
                .claim("client_id", claims.clientId())
                .claim("tenant", claims.tenant());
        if (!claims.scope().isEmpty()) {
            builder.claim("scope", claims.scope().value());
        }
        claims.extra().forEach(builder::claim);
        return builder.jws()
                .keyId(key.keyId())
                .algorithm(switch (key.algorithm()) {
                    case RS256 -> SignatureAlgorithm.RS256;
                    case ES256 -> SignatureAlgorithm.ES256;
                })
                .header("typ", "JWT")
                .sign(key.privateKey());
    }
}
