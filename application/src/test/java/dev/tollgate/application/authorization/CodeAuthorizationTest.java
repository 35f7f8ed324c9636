package dev.tollgate.application.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.authorization.AuthorizationCode;
import dev.tollgate.domain.authorization.CodeChallenge;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who a code is for, and which mistakes are shown on a page rather than redirected. */
class CodeAuthorizationTest {

    private static final String REDIRECT = "https://app.example.com/cb";
    private static final String CHALLENGE = CodeChallenge.of("a".repeat(43)).value();

    private TestWorld world;
    private Tenant acme;
    private User ann;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.addTenant("acme");
        ann = world.addUser(acme, "ann@acme.test", "ann", "ann-password");
        world.clients.put(TestWorld.client(acme, "backend").grantTypes(GrantType.AUTHORIZATION_CODE)
                .redirectUris(REDIRECT).scopes("catalog:read").build(), TestWorld.secret("backend-secret"));
        world.clients.put(TestWorld.client(acme, "spa").grantTypes(GrantType.AUTHORIZATION_CODE)
                .redirectUris(REDIRECT).authMethod(TokenEndpointAuthMethod.NONE).build());
        world.clients.put(TestWorld.client(acme, "owned").grantTypes(GrantType.AUTHORIZATION_CODE)
                .redirectUris(REDIRECT).kind(new ClientKind.UserScoped(ann.id().toString())).build(),
                TestWorld.secret("owned-secret"));
        world.clients.put(TestWorld.client(acme, "owned-public").grantTypes(GrantType.AUTHORIZATION_CODE)
                .redirectUris(REDIRECT).kind(new ClientKind.UserScoped(ann.id().toString()))
                .authMethod(TokenEndpointAuthMethod.NONE).build());
    }

    private static AuthorizationParameters params(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new AuthorizationParameters(values, Set.of());
    }

    private AuthorizationAnswer authorize(String... pairs) {
        return world.codeAuthorization.authorize(acme, params(pairs));
    }

    private static Map<String, String> query(AuthorizationAnswer answer) {
        URI location = assertInstanceOf(AuthorizationAnswer.Redirect.class, answer).location();
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void aConfidentialTenantScopedClientNamesTheUserByEmail() {
        Map<String, String> query = query(authorize("response_type", "code", "client_id", "backend",
                "redirect_uri", REDIRECT, "email", "ANN@acme.test", "state", "s"));
        assertEquals("s", query.get("state"));
        assertEquals("https://id.example.com/auth/realms/acme", query.get("iss"));
        AuthorizationCode stored = world.codeStore.byDigest.values().iterator().next();
        assertEquals(ann.id(), stored.userId());
        assertEquals("backend", stored.clientId());
        assertEquals(URI.create(REDIRECT), stored.redirectUri());
        assertEquals(AuthorizationCode.LIFETIME, java.time.Duration.between(stored.issuedAt(), stored.expiresAt()));
        assertFalse(world.codeStore.byDigest.containsKey(query.get("code")), "only the digest is stored");
    }

    @Test
    void aPublicClientsUserSignsIn() {
        AuthorizationAnswer answer = authorize("response_type", "code", "client_id", "spa", "redirect_uri", REDIRECT,
                "code_challenge", CHALLENGE, "code_challenge_method", "S256");
        AuthorizationAnswer.SignIn signIn = assertInstanceOf(AuthorizationAnswer.SignIn.class, answer);
        assertFalse(signIn.failed());
        AuthorizationParameters form = params("response_type", "code", "client_id", "spa", "redirect_uri", REDIRECT,
                "code_challenge", CHALLENGE, "code_challenge_method", "S256");
        assertTrue(assertInstanceOf(AuthorizationAnswer.SignIn.class,
                world.codeAuthorization.signIn(acme, form, "ann", "wrong", SourceAddress.UNKNOWN)).failed());
        assertTrue(query(world.codeAuthorization.signIn(acme, form, "ann", "ann-password", SourceAddress.UNKNOWN)).containsKey("code"));
        assertEquals(CHALLENGE, world.codeStore.byDigest.values().iterator().next().challenge().orElseThrow().value());
    }

    @Test
    void aConfidentialUserScopedClientGetsCodesForItsOwnerOnly() {
        authorize("response_type", "code", "client_id", "owned", "redirect_uri", REDIRECT);
        assertEquals(ann.id(), world.codeStore.byDigest.values().iterator().next().userId());
        User bob = world.addUser(acme, "bob@acme.test", "bob", "bob-password");
        AuthorizationParameters form = params("response_type", "code", "client_id", "owned-public",
                "redirect_uri", REDIRECT, "code_challenge", CHALLENGE, "code_challenge_method", "S256");
        assertEquals("access_denied", query(world.codeAuthorization.signIn(acme, form, "bob", "bob-password", SourceAddress.UNKNOWN))
                .get("error"));
        assertTrue(bob.enabled());
    }

    @Test
    void untrustedClientOrRedirectIsAPage() {
        assertInstanceOf(AuthorizationAnswer.ErrorPage.class, authorize("response_type", "code", "redirect_uri", REDIRECT));
        assertInstanceOf(AuthorizationAnswer.ErrorPage.class, authorize("client_id", "nobody", "redirect_uri", REDIRECT));
        assertInstanceOf(AuthorizationAnswer.ErrorPage.class, authorize("client_id", "backend"));
        assertInstanceOf(AuthorizationAnswer.ErrorPage.class,
                authorize("client_id", "backend", "redirect_uri", REDIRECT + "/"));
        assertInstanceOf(AuthorizationAnswer.ErrorPage.class, world.codeAuthorization.authorize(acme,
                new AuthorizationParameters(Map.of("client_id", "backend", "redirect_uri", REDIRECT),
                        Set.of("redirect_uri"))));
        assertTrue(world.codeStore.byDigest.isEmpty());
    }

    @Test
    void requestMistakesGoBackToTheClient() {
        assertEquals("unsupported_response_type",
                query(authorize("response_type", "token", "client_id", "backend", "redirect_uri", REDIRECT)).get("error"));
        assertEquals("invalid_scope", query(authorize("response_type", "code", "client_id", "backend",
                "redirect_uri", REDIRECT, "scope", "orders:write")).get("error"));
        assertEquals("invalid_request", query(authorize("response_type", "code", "client_id", "spa",
                "redirect_uri", REDIRECT)).get("error"), "a public client must use PKCE");
        assertEquals("invalid_request", query(authorize("response_type", "code", "client_id", "spa",
                "redirect_uri", REDIRECT, "code_challenge", CHALLENGE, "code_challenge_method", "plain")).get("error"));
        assertEquals("access_denied", query(authorize("response_type", "code", "client_id", "backend",
                "redirect_uri", REDIRECT, "email", "ghost@acme.test")).get("error"));
        assertTrue(world.codeStore.byDigest.isEmpty());
    }

    @Test
    void cancelIsAccessDenied() {
        assertEquals("access_denied", query(world.codeAuthorization.cancel(acme, params("response_type", "code",
                "client_id", "spa", "redirect_uri", REDIRECT, "code_challenge", CHALLENGE,
                "code_challenge_method", "S256"))).get("error"));
    }
}
