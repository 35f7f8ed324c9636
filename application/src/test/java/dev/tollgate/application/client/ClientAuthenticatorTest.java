package dev.tollgate.application.client;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tollgate.application.fake.CountingSecretDigester;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {

    private TestWorld world;
    private Tenant acme;
    private Client backend;

    @BeforeEach
    void setUp() {
        world = new TestWorld();
        acme = world.addTenant("acme");
        backend = world.addClient(acme, "backend", "s3cret", "catalog");
    }

    @Test
    void authenticatesWithTheRightSecret() {
        assertEquals(backend, success(world.authenticator.authenticate(acme, new ClientCredentials.SecretPost(
                "backend", "s3cret"), SourceAddress.UNKNOWN)));
        assertEquals(backend, success(world.authenticator.authenticate(acme, new ClientCredentials.SecretBasic(
                "backend", "s3cret"), SourceAddress.UNKNOWN)));
    }

    @Test
    void anUnknownClientStillCostsADigestComparison() {
        int before = world.digester.matchCalls;
        OAuthError error = failure(world.authenticator.authenticate(acme,
                new ClientCredentials.SecretPost("nobody", "guess"), SourceAddress.UNKNOWN));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code());
        assertEquals(before + 1, world.digester.matchCalls, "one comparison against a decoy digest");
        String decoy = world.digester.comparedDigests.getLast();
        assertNotEquals(CountingSecretDigester.digestOf("guess"), decoy, "the decoy never matches");
    }

    @Test
    void anUnknownClientCostsAsManyComparisonsAsAKnownClientWithOneSecret() {
        int start = world.digester.matchCalls;
        failure(world.authenticator.authenticate(acme, new ClientCredentials.SecretBasic("nobody", "guess"), SourceAddress.UNKNOWN));
        int forUnknown = world.digester.matchCalls - start;
        start = world.digester.matchCalls;
        failure(world.authenticator.authenticate(acme, new ClientCredentials.SecretBasic("backend", "guess"), SourceAddress.UNKNOWN));
        int forWrongSecret = world.digester.matchCalls - start;
        assertEquals(1, forUnknown);
        assertEquals(forWrongSecret, forUnknown);
    }

    @Test
    void everyStoredSecretIsComparedEvenWhenTheFirstMatches() {
        world.clients.put(TestWorld.client(acme, "rotating").scopes("catalog").build(),
                TestWorld.secret("first"), TestWorld.secret("second"),
                TestWorld.secretUntil("expired", TestWorld.NOW.minusSeconds(5)));
        int before = world.digester.matchCalls;
        success(world.authenticator.authenticate(acme, new ClientCredentials.SecretPost("rotating", "first"), SourceAddress.UNKNOWN));
        assertEquals(before + 3, world.digester.matchCalls);
    }

    @Test
    void anExpiredSecretDoesNotAuthenticateEvenThoughItsDigestMatches() {
        world.clients.put(TestWorld.client(acme, "rotating").scopes("catalog").build(),
                TestWorld.secretUntil("expired", TestWorld.NOW.minusSeconds(5)));
        assertEquals(OAuthErrorCode.INVALID_CLIENT, failure(world.authenticator.authenticate(acme,
                new ClientCredentials.SecretPost("rotating", "expired"), SourceAddress.UNKNOWN)).code());
    }

    @Test
    void absentCredentialsFailWithoutLookingUpAClient() {
        int finds = world.clients.findCalls;
        OAuthError error = failure(world.authenticator.authenticate(acme, new ClientCredentials.Absent(), SourceAddress.UNKNOWN));
        assertEquals(OAuthError.invalidClient(), error);
        assertEquals(finds, world.clients.findCalls);
    }

    @Test
    void publicClientAuthenticatesWithItsIdAlone() {
        Client spa = TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE).build();
        world.clients.put(spa);
        assertEquals(spa, success(world.authenticator.authenticate(acme, new ClientCredentials.ClientIdOnly("spa"), SourceAddress.UNKNOWN)));
    }

    @Test
    void disabledPublicClientIsRefused() {
        world.clients.put(TestWorld.client(acme, "spa").authMethod(TokenEndpointAuthMethod.NONE).disabled().build());
        assertEquals(OAuthError.invalidClient(),
                failure(world.authenticator.authenticate(acme, new ClientCredentials.ClientIdOnly("spa"), SourceAddress.UNKNOWN)));
    }

    @Test
    void basicFailuresAreMarkedSoTheChallengeNamesBasic() {
        world.clients.put(TestWorld.client(acme, "off").scopes("catalog").disabled().build(), TestWorld.secret("x"));
        for (ClientCredentials credentials : new ClientCredentials[] {
                new ClientCredentials.SecretBasic("backend", "wrong"),
                new ClientCredentials.SecretBasic("nobody", "s3cret"),
                new ClientCredentials.SecretBasic("off", "x")}) {
            OAuthError error = failure(world.authenticator.authenticate(acme, credentials, SourceAddress.UNKNOWN));
            assertEquals(OAuthErrorCode.INVALID_CLIENT, error.code(), credentials.toString());
            assertEquals(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED, error.cause(), credentials.toString());
        }
    }

    @Test
    void credentialsDoNotPrintTheSecret() {
        assertEquals(-1, new ClientCredentials.SecretBasic("backend", "s3cret").toString().indexOf("s3cret"));
        assertEquals(-1, new ClientCredentials.SecretPost("backend", "s3cret").toString().indexOf("s3cret"));
    }
}
