package dev.tollgate.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.TokenLifetimes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final Scope HELD = Scope.of("email", "profile", "orders");

    // ---- grantable scope

    @Test
    void noRequestedScopeGrantsAllTheClientsScopes() {
        assertEquals(Outcome.success(HELD), client(ClientScopes.scoped(HELD)).grantableScope(Optional.empty()));
    }

    @Test
    void anEmptyRequestedScopeGrantsAllTheClientsScopes() {
        assertEquals(Outcome.success(HELD), client(ClientScopes.scoped(HELD)).grantableScope(Optional.of(Scope.EMPTY)));
    }

    @Test
    void aSubsetIsGrantedAsRequested() {
        Outcome<Scope> granted = client(ClientScopes.scoped(HELD)).grantableScope(
                Optional.of(Scope.of("orders", "email")));
        assertEquals(Outcome.success(Scope.of("orders", "email")), granted);
        Scope scope = ((Outcome.Success<Scope>) granted).value();
        assertEquals(List.of("orders", "email"), List.copyOf(scope.tokens()), "in the requested order");
    }

    @Test
    void exactlyTheClientsScopesAreGranted() {
        assertEquals(Outcome.success(HELD), client(ClientScopes.scoped(HELD)).grantableScope(Optional.of(HELD)));
    }

    @Test
    void aSupersetIsInvalidScopeNamingWhatIsMissing() {
        OAuthError error = failure(client(ClientScopes.scoped(HELD)).grantableScope(
                Optional.of(Scope.of("profile", "admin"))));
        assertEquals(OAuthErrorCode.INVALID_SCOPE, error.code());
        assertEquals(OAuthError.Cause.GENERAL, error.cause());
        assertTrue(error.description().contains("admin"), error.description());
        assertFalse(error.description().contains("profile"), error.description());
    }

    @Test
    void everyMissingScopeIsNamed() {
        OAuthError error = failure(client(ClientScopes.scoped(HELD)).grantableScope(
                Optional.of(Scope.of("admin", "email", "billing"))));
        assertTrue(error.description().contains("admin billing"), error.description());
    }

    @Test
    void aClientWithoutScopesMayNotAskForOne() {
        Client none = client(ClientScopes.scoped(Scope.EMPTY));
        assertEquals(Outcome.success(Scope.EMPTY), none.grantableScope(Optional.empty()));
        assertEquals(OAuthErrorCode.INVALID_SCOPE, failure(none.grantableScope(Optional.of(Scope.of("x")))).code());
    }

    @Test
    void aLegacyClientWithoutARequestedScopeGetsAnEmptyScope() {
        Client legacy = client(ClientScopes.legacyApis());
        assertEquals(Outcome.success(Scope.EMPTY), legacy.grantableScope(Optional.empty()));
        assertEquals(Outcome.success(Scope.EMPTY), legacy.grantableScope(Optional.of(Scope.EMPTY)));
    }

    @Test
    void aLegacyClientAskingForAScopeIsInvalidScope() {
        OAuthError error = failure(client(ClientScopes.legacyApis()).grantableScope(Optional.of(Scope.of("email"))));
        assertEquals(OAuthErrorCode.INVALID_SCOPE, error.code());
        assertTrue(error.description().contains("email"), error.description());
    }

    @Test
    void clientScopesAllowed() {
        assertEquals(HELD, ClientScopes.scoped(HELD).allowed());
        assertEquals(Scope.EMPTY, ClientScopes.legacyApis().allowed());
    }

    // ---- the rest of the client

    @Test
    void allowsOnlyItsGrantTypes() {
        Client client = client(ClientScopes.scoped(HELD));
        assertTrue(client.allows(GrantType.CLIENT_CREDENTIALS));
        assertTrue(client.allows(new GrantType("client_credentials")));
        assertFalse(client.allows(new GrantType("authorization_code")));
    }

    @Test
    void everyMethodButNoneIsConfidential() {
        for (TokenEndpointAuthMethod method : TokenEndpointAuthMethod.values()) {
            assertEquals(method != TokenEndpointAuthMethod.NONE, client(method).isConfidential(), method.name());
        }
    }

    @Test
    void lifetimesFallBackToTheTenantDefaults() {
        TokenLifetimes tenantDefaults = TokenLifetimes.ofSeconds(3600, 0);
        TokenLifetimes own = TokenLifetimes.ofSeconds(120, 0);
        assertEquals(tenantDefaults, client(ClientScopes.scoped(HELD)).lifetimesOr(tenantDefaults));
        Client withOwn = new Client(UUID.randomUUID(), "c", "c", "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS), ClientScopes.scoped(HELD), Optional.of(own), List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
        assertEquals(own, withOwn.lifetimesOr(tenantDefaults));
    }

    @Test
    void grantTypesAreCopied() {
        Set<GrantType> grantTypes = new HashSet<>(Set.of(GrantType.CLIENT_CREDENTIALS));
        Client client = new Client(UUID.randomUUID(), "c", "c", "", ClientKind.tenantScoped(), grantTypes,
                ClientScopes.scoped(HELD), Optional.empty(), List.of(), TokenEndpointAuthMethod.CLIENT_SECRET_BASIC,
                true);
        grantTypes.add(new GrantType("password"));
        assertFalse(client.allows(new GrantType("password")));
    }

    @Test
    void authMethods() {
        assertTrue(TokenEndpointAuthMethod.CLIENT_SECRET_BASIC.usesSharedSecret());
        assertTrue(TokenEndpointAuthMethod.CLIENT_SECRET_POST.usesSharedSecret());
        assertFalse(TokenEndpointAuthMethod.NONE.usesSharedSecret());
        assertFalse(TokenEndpointAuthMethod.PRIVATE_KEY_JWT.usesSharedSecret());
        for (TokenEndpointAuthMethod method : TokenEndpointAuthMethod.values()) {
            assertEquals(Optional.of(method), TokenEndpointAuthMethod.parse(method.wireName()));
        }
        assertEquals("client_secret_basic", TokenEndpointAuthMethod.CLIENT_SECRET_BASIC.wireName());
        assertEquals(Optional.empty(), TokenEndpointAuthMethod.parse("CLIENT_SECRET_BASIC"));
        assertEquals(Optional.empty(), TokenEndpointAuthMethod.parse("tls_client_auth"));
    }

    @Test
    void kinds() {
        assertEquals("tenant", ClientKind.tenantScoped().wireName());
        assertEquals("user", new ClientKind.UserScoped("u1").wireName());
        assertThrows(NullPointerException.class, () -> new ClientKind.UserScoped(null));
    }

    private static Client client(ClientScopes scopes) {
        return new Client(UUID.randomUUID(), "c", "c", "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS), scopes, Optional.empty(), List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
    }

    private static Client client(TokenEndpointAuthMethod method) {
        return new Client(UUID.randomUUID(), "c", "c", "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS), ClientScopes.scoped(HELD), Optional.empty(), List.of(),
                method, true);
    }

    private static <T> OAuthError failure(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Success<T> s -> throw new AssertionError("expected a failure, got " + s.value());
            case Outcome.Failure<T> f -> f.error();
        };
    }
}
