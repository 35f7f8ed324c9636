package dev.tollgate.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static Client client(ClientScopes scopes) {
        return new Client(UUID.randomUUID(), "c", "c", "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS), scopes, Optional.empty(), List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
    }

    @Test
    void grantableScope() {
        Client client = client(ClientScopes.scoped(Scope.of("email", "profile")));
        assertEquals(Outcome.success(Scope.of("email", "profile")), client.grantableScope(Optional.empty()));
        assertEquals(Outcome.success(Scope.of("email", "profile")), client.grantableScope(Optional.of(Scope.EMPTY)));
        assertEquals(Outcome.success(Scope.of("profile")), client.grantableScope(Optional.of(Scope.of("profile"))));
        Outcome<Scope> widened = client.grantableScope(Optional.of(Scope.of("profile", "admin")));
        Outcome.Failure<Scope> failure = (Outcome.Failure<Scope>) widened;
        assertEquals(OAuthErrorCode.INVALID_SCOPE, failure.error().code());
        assertTrue(failure.error().description().endsWith("admin"));
    }

    @Test
    void legacyClientsHoldNoScope() {
        Client legacy = client(ClientScopes.legacyApis());
        assertEquals(Outcome.success(Scope.EMPTY), legacy.grantableScope(Optional.empty()));
        assertTrue(legacy.grantableScope(Optional.of(Scope.of("email"))) instanceof Outcome.Failure<Scope>);
    }

    @Test
    void authMethods() {
        assertTrue(TokenEndpointAuthMethod.CLIENT_SECRET_POST.usesSharedSecret());
        assertTrue(!TokenEndpointAuthMethod.NONE.usesSharedSecret());
        assertEquals(Optional.of(TokenEndpointAuthMethod.PRIVATE_KEY_JWT), TokenEndpointAuthMethod.parse("private_key_jwt"));
        assertEquals("user", new ClientKind.UserScoped("u1").wireName());
    }
}
