package dev.tollgate.application.token;

import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.port.AccessTokenVerifier;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.TokenTypeHint;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a token presented to introspection or revocation: one of the tenant's access tokens (a JWT verified
 * against the tenant's published keys, with the tenant's issuer) or one of its refresh tokens. The hint only says
 * which to try first (RFC 7662 §2.1, RFC 7009 §2.1).
 */
@Singleton
public class PresentedTokens {

    /** Far beyond any token Tollgate issues; a longer value is not looked at. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final SigningKeys signingKeys;
    private final AccessTokenVerifier verifier;
    private final RefreshTokens refreshTokens;
    private final ServiceSettings settings;

    @Inject
    public PresentedTokens(SigningKeys signingKeys, AccessTokenVerifier verifier, RefreshTokens refreshTokens,
            ServiceSettings settings) {
        this.signingKeys = signingKeys;
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.settings = settings;
    }

    /** The required {@code token} parameter of both endpoints. */
    public static Outcome<String> tokenParameter(Map<String, String> parameters) {
        String token = parameters.get("token");
        return token == null
                ? Outcome.failure(OAuthError.invalidRequest("Missing parameter: token"))
                : Outcome.success(token);
    }

    /** The hint, where the request names a known one; an unknown hint is ignored (RFC 7662 §2.1). */
    public static Optional<TokenTypeHint> hint(Map<String, String> parameters) {
        return Optional.ofNullable(parameters.get("token_type_hint")).flatMap(TokenTypeHint::parse);
    }

    public PresentedToken identify(Tenant tenant, String value, Optional<TokenTypeHint> hint) {
        if (value.length() > MAX_TOKEN_LENGTH) {
            return new PresentedToken.Unrecognized();
        }
        boolean refreshFirst = hint.orElse(TokenTypeHint.ACCESS_TOKEN) == TokenTypeHint.REFRESH_TOKEN;
        Optional<PresentedToken> first = refreshFirst ? refresh(tenant, value) : access(tenant, value);
        return first.or(() -> refreshFirst ? access(tenant, value) : refresh(tenant, value))
                .orElseGet(PresentedToken.Unrecognized::new);
    }

    private Optional<PresentedToken> access(Tenant tenant, String value) {
        return accessToken(tenant, value).map(PresentedToken.AccessToken::new);
    }

    /**
     * One of the tenant's access tokens, signed by one of its keys, with its issuer and audience; whether it is still
     * valid (expiry, deny list) is the caller's to judge.
     */
    public Optional<VerifiedAccessToken> accessToken(Tenant tenant, String value) {
        if (value.length() > MAX_TOKEN_LENGTH || !looksLikeCompactJws(value)) {
            // spares the key lookup for what cannot be a JWT (every refresh token)
            return Optional.empty();
        }
        String issuer = tenant.issuer(settings.publicUrl()).toString();
        String audience = tenant.audience(settings.publicUrl());
        // the audience too (RFC 9068 §4): ID tokens are signed with the same keys, for the client as audience
        return verifier.verify(value, signingKeys.verificationKeys(tenant))
                .filter(token -> token.issuer().equals(issuer) && token.audience().contains(audience));
    }

    private Optional<PresentedToken> refresh(Tenant tenant, String value) {
        return refreshTokens.lookup(tenant, value).map(PresentedToken.Refresh::new);
    }

    /** header.payload.signature: exactly two dots. */
    private static boolean looksLikeCompactJws(String value) {
        int first = value.indexOf('.');
        int second = first < 0 ? -1 : value.indexOf('.', first + 1);
        return second > 0 && value.indexOf('.', second + 1) < 0;
    }
}
