package dev.tollgate.application.grant;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.IssuedToken;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler on its own, given an already authenticated client. */
class ClientCredentialsGrantHandlerTest {

    private TestWorld world;
    private ClientCredentialsGrantHandler handler;
    private Tenant acme;
    private Client backend;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        handler = new ClientCredentialsGrantHandler(world.tokenFactory);
        acme = world.addTenant("acme");
        backend = TestWorld.client(acme, "backend").scopes("a", "b").build();
    }

    @Test
    void answersClientCredentials() {
        assertEquals(GrantType.CLIENT_CREDENTIALS, handler.grantType());
    }

    @Test
    void mintsATokenWhoseSubjectIsTheClient() {
        IssuedToken token = success(handler.handle(new GrantRequest(acme, backend, Map.of())));
        assertEquals("backend", world.signer.lastClaims().subject());
        assertEquals(Scope.of("a", "b"), token.scope());
        assertTrue(token.refreshToken().isEmpty());
    }

    @Test
    void refusesPublicClientsWithoutMinting() {
        Client spa = TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE).scopes("a").build();
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                failure(handler.handle(new GrantRequest(acme, spa, Map.of()))).code());
        assertTrue(world.signer.signedClaims.isEmpty());
        assertEquals(0, world.vault.generateCalls, "no key is created for a refused request");
    }

    @Test
    void narrowsTheScope() {
        assertEquals(Scope.of("b"), success(handler.handle(new GrantRequest(acme, backend, Map.of("scope", "b"))))
                .scope());
    }

    @Test
    void refusesAWiderOrMalformedScope() {
        assertEquals(OAuthErrorCode.INVALID_SCOPE,
                failure(handler.handle(new GrantRequest(acme, backend, Map.of("scope", "a c")))).code());
        assertEquals(OAuthErrorCode.INVALID_SCOPE,
                failure(handler.handle(new GrantRequest(acme, backend, Map.of("scope", "a\u0001")))).code());
        assertTrue(world.signer.signedClaims.isEmpty());
    }
}
