package dev.tollgate.application.token;

import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.port.IdTokenSigner;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.View;
import dev.tollgate.domain.token.IdTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * OpenID Connect ID tokens (OIDC Core §2) for the grants that return one: signed by the tenant's active key like its
 * access tokens, so one JWKS verifies both, and issued and expiring with the access token they accompany.
 */
@Singleton
public class IdTokens {

    private final SigningKeys signingKeys;
    private final IdTokenSigner signer;
    private final ServiceSettings settings;

    @Inject
    public IdTokens(SigningKeys signingKeys, IdTokenSigner signer, ServiceSettings settings) {
        this.signingKeys = signingKeys;
        this.signer = signer;
        this.settings = settings;
    }

    /** {@code access} with an ID token for {@code user} added. */
    public IssuedToken accompany(IssuedToken access, Tenant tenant, Client client, User user, Optional<View> view) {
        IdTokenClaims claims = new IdTokenClaims(
                tenant.issuer(settings.publicUrl()).toString(),
                user.id().toString(),
                client.clientId(),
                access.expiresAt().minus(access.expiresIn()),
                access.expiresAt(),
                user.email(),
                Optional.of(user.name()).filter(name -> !name.isBlank()),
                view);
        String idToken = signer.sign(claims, signingKeys.activeKey(tenant));
        return new IssuedToken(access.accessToken(), access.expiresAt(), access.expiresIn(), access.scope(),
                access.refreshToken(), Optional.of(idToken));
    }
}
