package dev.tollgate.application.grant;

import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.grant.ImplicitGrant;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Moltin's implicit token (seed 004): {@code grant_type=implicit&client_id=…}, issued directly, for the clients
 * allowed {@code implicit}. The token is the client's own (its subject is the client_id) with the tenant's narrow
 * implicit scope; no refresh token, the storefront asks again. A legacy surface: TokenService puts every call to the
 * deprecation policy first.
 */
@Singleton
public class ImplicitGrantHandler implements PublishableTokenGrantHandler {

    private final AccessTokenFactory tokens;

    @Inject
    public ImplicitGrantHandler(AccessTokenFactory tokens) {
        this.tokens = tokens;
    }

    @Override
    public GrantType grantType() {
        return GrantType.IMPLICIT;
    }

    /** Served only where the Moltin dialect asks for it: to OAuth clients "implicit" means a redirect flow. */
    @Override
    public boolean generalPurpose() {
        return false;
    }

    @Override
    public Outcome<IssuedToken> handle(GrantRequest request) {
        return parse(request)
                .then(grant -> grant.scopeWithin(request.tenant().implicitScope()))
                .map(scope -> tokens.mint(request.tenant(), request.client(), request.client().clientId(), scope,
                        Map.of(AccessTokenClaims.GRANT_TYPE_CLAIM, GrantType.IMPLICIT.value()),
                        request.accessTokenLifetime()));
    }

    private static Outcome<ImplicitGrant> parse(GrantRequest request) {
        Optional<String> scopeParameter = request.parameter("scope");
        if (scopeParameter.isEmpty()) {
            return Outcome.success(new ImplicitGrant(Optional.empty()));
        }
        return Scope.parse(scopeParameter.get())
                .<Outcome<ImplicitGrant>>map(s -> Outcome.success(new ImplicitGrant(Optional.of(s))))
                .orElseGet(() -> Outcome.failure(OAuthError.invalidScope("The scope parameter is malformed")));
    }
}
