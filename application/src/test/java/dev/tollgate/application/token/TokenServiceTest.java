package dev.tollgate.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.inmemory.World;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.token.TokenLifetimes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint use case with the client credentials grant, on in-memory ports. */
class TokenServiceTest {

    private World world;
    private Tenant acme;

    @BeforeEach
    void setUp() {
        world = new World();
        acme = world.tenant("acme");
        world.register(acme, "backend", "s3cret", "email", "profile");
    }

    @Test
    void issuesATokenForTheClientItself() {
        IssuedToken token = issued(request(post("backend", "s3cret"), Map.of()));
        AccessTokenClaims claims = world.signer.claimsOf(token.accessToken());

        assertEquals("https://id.example.com/auth/realms/acme", claims.issuer());
        assertEquals("backend", claims.subject());
        assertEquals("backend", claims.clientId());
        assertEquals("acme", claims.tenant());
        assertEquals("https://id.example.com/auth/realms/acme", claims.audience());
        assertEquals(Scope.of("email", "profile"), claims.scope());
        // whole seconds, so that exp - iat is what expires_in says
        assertEquals(Instant.parse("2026-11-22T10:00:00Z"), claims.issuedAt());
        assertEquals(Duration.ofHours(1), Duration.between(claims.issuedAt(), claims.expiresAt()));
        assertEquals(Duration.ofHours(1), token.expiresIn());
        assertEquals(claims.expiresAt(), token.expiresAt());
        assertTrue(token.refreshToken().isEmpty(), "client credentials get no refresh token (RFC 6749 §4.4.3)");
    }

    @Test
    void clientLifetimeOverridesTheTenantDefault() {
        Client shortLived = world.client(acme, "short", TokenEndpointAuthMethod.CLIENT_SECRET_POST, true,
                Optional.of(TokenLifetimes.ofSeconds(120, 0)), "read");
        world.clients.put(shortLived, new StoredSecret("d:x", World.NOW, Optional.empty()));
        assertEquals(Duration.ofSeconds(120), issued(request(post("short", "x"), Map.of())).expiresIn());
    }

    @Test
    void scopeNarrowsButNeverWidens() {
        assertEquals(Scope.of("email"), issued(request(post("backend", "s3cret"), Map.of("scope", "email"))).scope());
        OAuthError error = failed(request(post("backend", "s3cret"), Map.of("scope", "email admin")));
        assertEquals(OAuthErrorCode.INVALID_SCOPE, error.code());
        assertTrue(error.description().contains("admin"));
        assertEquals(OAuthErrorCode.INVALID_SCOPE,
                failed(request(post("backend", "s3cret"), Map.of("scope", "caf\u00e9"))).code());
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        Map<String, String> parameters = new HashMap<>();
        assertEquals(OAuthErrorCode.INVALID_REQUEST,
                failed(new TokenRequest(acme, post("backend", "s3cret"), parameters)).code());
    }

    @Test
    void everyAuthenticationFailureIsTheSameInvalidClient() {
        OAuthError wrongSecret = failed(request(post("backend", "wrong"), Map.of()));
        OAuthError unknown = failed(request(post("nobody", "s3cret"), Map.of()));
        OAuthError absent = failed(request(new ClientCredentials.Absent(), Map.of()));
        assertEquals(wrongSecret, unknown);
        assertEquals(wrongSecret, absent);
        assertEquals(OAuthErrorCode.INVALID_CLIENT, wrongSecret.code());
        assertEquals(OAuthError.Cause.GENERAL, wrongSecret.cause());
    }

    @Test
    void failedBasicAuthenticationIsMarkedForTheChallenge() {
        OAuthError error = failed(request(new ClientCredentials.SecretBasic("backend", "wrong"), Map.of()));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code());
        assertEquals(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED, error.cause());
        issued(request(new ClientCredentials.SecretBasic("backend", "s3cret"), Map.of()));
    }

    @Test
    void unknownClientsCostADigestToo() {
        int before = world.digester.matchCalls.get();
        failed(request(post("nobody", "guess"), Map.of()));
        assertEquals(before + 1, world.digester.matchCalls.get());
    }

    @Test
    void disabledClientIsRefused() {
        Client disabled = world.client(acme, "sleeping", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, false,
                Optional.empty(), "read");
        world.clients.put(disabled, new StoredSecret("d:x", World.NOW, Optional.empty()));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failed(request(post("sleeping", "x"), Map.of())).code());
    }

    @Test
    void rotatedSecretsWorkUntilTheirGraceEnds() {
        Client rotating = world.client(acme, "rotating", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true,
                Optional.empty(), "read");
        world.clients.put(rotating,
                new StoredSecret("d:new", World.NOW, Optional.empty()),
                new StoredSecret("d:in-grace", World.NOW, Optional.of(World.NOW.plusSeconds(1))),
                new StoredSecret("d:expired", World.NOW, Optional.of(World.NOW)));
        issued(request(post("rotating", "new"), Map.of()));
        issued(request(post("rotating", "in-grace"), Map.of()));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failed(request(post("rotating", "expired"), Map.of())).code());
    }

    @Test
    void publicClientsCannotUseClientCredentials() {
        Client publicClient = new Client(acme.id(), "spa", "spa", "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS), ClientScopes.scoped(Scope.of("read")), Optional.empty(),
                List.of(), TokenEndpointAuthMethod.NONE, true);
        world.clients.put(publicClient);
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                failed(request(new ClientCredentials.ClientIdOnly("spa"), Map.of())).code());
        // a public client has no secret to present
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failed(request(post("spa", "anything"), Map.of())).code());
        // and a confidential client must present its secret
        assertEquals(OAuthErrorCode.INVALID_CLIENT,
                failed(request(new ClientCredentials.ClientIdOnly("backend"), Map.of())).code());
    }

    @Test
    void grantTypeMustBeServedAndAllowed() {
        Map<String, String> unknown = new HashMap<>(Map.of("grant_type", "urn:example:unknown"));
        assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
                failed(new TokenRequest(acme, post("backend", "s3cret"), unknown)).code());

        Client codeOnly = new Client(acme.id(), "code-only", "code-only", "", ClientKind.tenantScoped(),
                Set.of(new GrantType("authorization_code")), ClientScopes.scoped(Scope.of("read")), Optional.empty(),
                List.of(), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
        world.clients.put(codeOnly, new StoredSecret("d:x", World.NOW, Optional.empty()));
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT, failed(request(post("code-only", "x"), Map.of())).code());
    }

    @Test
    void legacyClientsGetNoScope() {
        Client legacy = new Client(acme.id(), "legacy", "legacy", "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS), ClientScopes.legacyApis(), Optional.empty(), List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
        world.clients.put(legacy, new StoredSecret("d:x", World.NOW, Optional.empty()));
        assertTrue(issued(request(post("legacy", "x"), Map.of())).scope().isEmpty());
        assertEquals(OAuthErrorCode.INVALID_SCOPE,
                failed(request(post("legacy", "x"), Map.of("scope", "email"))).code());
    }

    @Test
    void theSigningKeyIsCreatedOnceAndReused() {
        issued(request(post("backend", "s3cret"), Map.of()));
        issued(request(post("backend", "s3cret"), Map.of()));
        assertEquals(1, world.keys.stored.size());
        assertEquals(1, world.vault.opened.get(), "the opened key is cached");
        assertEquals(world.signer.keyIds.get(0), world.signer.keyIds.get(1));
        assertEquals(1, world.signingKeys.jwks(acme).size());
    }

    private TokenRequest request(ClientCredentials credentials, Map<String, String> extra) {
        Map<String, String> parameters = new HashMap<>(extra);
        parameters.put("grant_type", "client_credentials");
        return new TokenRequest(acme, credentials, parameters);
    }

    private static ClientCredentials post(String id, String secret) {
        return new ClientCredentials.SecretPost(id, secret);
    }

    private IssuedToken issued(TokenRequest request) {
        return switch (world.tokenService.requestToken(request)) {
            case Outcome.Success<IssuedToken> success -> success.value();
            case Outcome.Failure<IssuedToken> failure -> fail("expected a token, got " + failure.error());
        };
    }

    private OAuthError failed(TokenRequest request) {
        return switch (world.tokenService.requestToken(request)) {
            case Outcome.Success<IssuedToken> success -> fail("expected an error, got a token");
            case Outcome.Failure<IssuedToken> failure -> failure.error();
        };
    }
}
