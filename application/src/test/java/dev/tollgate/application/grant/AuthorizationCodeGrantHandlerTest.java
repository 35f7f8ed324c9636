package dev.tollgate.application.grant;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.authorization.AuthorizationRequest;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.authorization.CodeChallenge;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.token.RefreshToken;
import dev.tollgate.domain.user.User;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The code exchange on its own: single use, expiry, redirect URI, PKCE, and what a replay revokes. */
class AuthorizationCodeGrantHandlerTest {

    private static final String REDIRECT = "https://app.example.com/cb";
    private static final String VERIFIER = "v".repeat(50);

    private TestWorld world;
    private Tenant acme;
    private User ann;
    private Client backend;
    private Client spa;
    private AuthorizationCodeGrantHandler handler;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.addTenant("acme");
        ann = world.addUser(acme, "ann@acme.test", "ann", "ann-password");
        backend = TestWorld.client(acme, "backend").grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)
                .redirectUris(REDIRECT).scopes("catalog:read").build();
        spa = TestWorld.client(acme, "spa").grantTypes(GrantType.AUTHORIZATION_CODE).redirectUris(REDIRECT)
                .authMethod(TokenEndpointAuthMethod.NONE).build();
        handler = (AuthorizationCodeGrantHandler) world.grantHandlers.find(GrantType.AUTHORIZATION_CODE).orElseThrow();
    }

    private String code(Client client, Optional<CodeChallenge> challenge) {
        return world.authorizationCodes.issue(acme, new AuthorizationRequest(client, URI.create(REDIRECT),
                Optional.empty(), Scope.of("catalog:read"), challenge), ann);
    }

    private GrantRequest exchange(Client client, String code, String... more) {
        Map<String, String> parameters = new HashMap<>(Map.of("code", code, "redirect_uri", REDIRECT));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                parameters.remove(more[i]);
            } else {
                parameters.put(more[i], more[i + 1]);
            }
        }
        return new GrantRequest(acme, client, parameters);
    }

    @Test
    void exchangesOnceForAnAccessAndARefreshToken() {
        String code = code(backend, Optional.empty());
        IssuedToken token = success(handler.handle(exchange(backend, code)));
        assertTrue(token.refreshToken().isPresent());
        assertEquals(ann.id().toString(), world.signer.signedClaims.getLast().subject());
        assertEquals("authorization_code", world.signer.signedClaims.getLast().extra().get("gty"));
        assertEquals("invalid_grant", failure(handler.handle(exchange(backend, code))).code().wireName());
    }

    @Test
    void aReplayRevokesTheRefreshFamilyOfTheFirstExchange() {
        String code = code(backend, Optional.empty());
        success(handler.handle(exchange(backend, code)));
        String jti = world.signer.signedClaims.getLast().tokenId();
        failure(handler.handle(exchange(backend, code)));
        assertTrue(world.refreshTokenStore.byDigest.values().stream()
                .allMatch(t -> t.state() == RefreshToken.State.REVOKED));
        assertTrue(world.revokedAccessTokens.contains(acme.id(), jti), "the access token is on the deny list");
    }

    @Test
    void noRefreshTokenForAClientThatMayNotRefresh() {
        String code = code(spa, Optional.of(CodeChallenge.of(VERIFIER)));
        IssuedToken token = success(handler.handle(exchange(spa, code, "code_verifier", VERIFIER)));
        assertTrue(token.refreshToken().isEmpty());
        assertTrue(world.refreshTokenStore.byDigest.isEmpty());
    }

    @Test
    void refusals() {
        assertEquals("invalid_request", failure(handler.handle(new GrantRequest(acme, backend, Map.of())))
                .code().wireName());
        assertEquals("invalid_grant", failure(handler.handle(exchange(backend, "unknown"))).code().wireName());
        String code = code(backend, Optional.empty());
        assertEquals("invalid_grant", failure(handler.handle(exchange(spa, code))).code().wireName(), "other client");
        assertEquals("invalid_grant", failure(handler.handle(exchange(backend, code, "redirect_uri", null)))
                .code().wireName());
        assertEquals("invalid_grant", failure(handler.handle(exchange(backend, code, "code_verifier", VERIFIER)))
                .code().wireName(), "a verifier for a code without challenge");
        world.clock.advance(Duration.ofSeconds(60));
        assertEquals("invalid_grant", failure(handler.handle(exchange(backend, code))).code().wireName(), "expired");
    }

    @Test
    void pkce() {
        String code = code(spa, Optional.of(CodeChallenge.of(VERIFIER)));
        assertEquals("Missing code_verifier", failure(handler.handle(exchange(spa, code))).description());
        assertEquals("code_verifier does not match the code_challenge",
                failure(handler.handle(exchange(spa, code, "code_verifier", "w".repeat(50)))).description());
        success(handler.handle(exchange(spa, code, "code_verifier", VERIFIER)));
    }

    @Test
    void aDisabledUserGetsNothing() {
        String code = code(backend, Optional.empty());
        world.users.create(new User(ann.id(), acme.id(), ann.email(), ann.username(), ann.name(), ann.roles(), false),
                "x");
        assertEquals("invalid_grant", failure(handler.handle(exchange(backend, code))).code().wireName());
    }
}
