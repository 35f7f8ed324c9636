package dev.tollgate.adapters.crypto;

import dev.tollgate.application.port.IdTokenSigner;
import dev.tollgate.application.port.TokenSigner;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IdTokenClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Signs access tokens and OpenID Connect ID tokens with smallrye-jwt-build. Header: kid, alg and typ JWT, which
 * existing callers verify.
 *
 * <p>smallrye-jwt-build fills in iat, exp and jti when they are missing, and iss and aud from configuration: all of
 * them are always set here, so none of its defaults apply. The one way left for it to rewrite a claim is
 * {@value #OVERRIDE_CLAIMS_PROPERTY}, which is refused when the bean is created.
 */
@Singleton
public final class SmallRyeJwtTokenSigner implements TokenSigner, IdTokenSigner {

    static final String OVERRIDE_CLAIMS_PROPERTY = "smallrye.jwt.new-token.override-matching-claims";

    /** Claims this signer owns: a dialect's extra claim must not silently replace one of them. */
    private static final Set<String> OWN_CLAIMS =
            Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope", "tenant");
    private static final String GROUPS = "groups";

    @Inject
    public SmallRyeJwtTokenSigner() {
        this(ConfigProvider.getConfig());
    }

    SmallRyeJwtTokenSigner(Config config) {
        if (config.getOptionalValue(OVERRIDE_CLAIMS_PROPERTY, Boolean.class).orElse(false)) {
            throw new IllegalStateException(OVERRIDE_CLAIMS_PROPERTY
                    + "=true would let configuration rewrite the iss and aud of every access token; remove it");
        }
    }

    @Override
    public String sign(AccessTokenClaims claims, SigningKey key) {
        JwtClaimsBuilder builder = Jwt.claims()
                .issuer(claims.issuer())
                .subject(claims.subject())
                // aud as a single string, which is what existing callers expect
                .claim("aud", claims.audience())
                .expiresAt(claims.expiresAt().getEpochSecond())
                .issuedAt(claims.issuedAt().getEpochSecond())
                .claim("jti", claims.tokenId())
                .claim("client_id", claims.clientId());
        if (!claims.scope().isEmpty()) {
            builder.claim("scope", claims.scope().value());
        }
        builder.claim("tenant", claims.tenant());
        claims.extra().forEach((name, value) -> addExtra(builder, name, value));
        return sign(builder, key);
    }

    /** OIDC Core §2: iss, sub, aud (the client), iat, exp, plus the user's email, name and view. */
    @Override
    public String sign(IdTokenClaims claims, SigningKey key) {
        JwtClaimsBuilder builder = Jwt.claims()
                .issuer(claims.issuer())
                .subject(claims.subject())
                .claim("aud", claims.audience())
                .expiresAt(claims.expiresAt().getEpochSecond())
                .issuedAt(claims.issuedAt().getEpochSecond())
                .claim("email", claims.email());
        claims.name().ifPresent(name -> builder.claim("name", name));
        claims.view().ifPresent(view -> builder.claim("view", view.id()));
        return sign(builder, key);
    }

    private static String sign(JwtClaimsBuilder builder, SigningKey key) {
        return builder.jws()
                .keyId(key.keyId())
                .algorithm(switch (key.algorithm()) {
                    case RS256 -> SignatureAlgorithm.RS256;
                    case ES256 -> SignatureAlgorithm.ES256;
                })
                .header("typ", "JWT")
                .sign(key.privateKey());
    }

    private static void addExtra(JwtClaimsBuilder builder, String name, Object value) {
        if (OWN_CLAIMS.contains(name)) {
            throw new IllegalArgumentException("Extra claim '" + name + "' would replace a standard claim");
        }
        if (GROUPS.equals(name) && value instanceof Collection<?> collection && collection.isEmpty()) {
            // claim() type-checks groups and refuses an empty collection; a user with no groups is not an error
            builder.groups(Set.of());
        } else {
            builder.claim(name, value);
        }
    }
}
