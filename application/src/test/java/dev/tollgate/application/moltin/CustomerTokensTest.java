package dev.tollgate.application.moltin;

import static dev.tollgate.application.fake.Outcomes.failure;
import static dev.tollgate.application.fake.Outcomes.success;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.fake.RevocationWorld;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.grant.ClientCredentialsGrantHandler;
import dev.tollgate.application.grant.GrantRequest;
import dev.tollgate.application.grant.ImplicitGrantHandler;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.application.token.VerifiedAccessToken;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Moltin customer tokens on fakes: only the store's own implicit or client_credentials token of the tenant opens
 * the door, and a wrong email or password is one answer that costs one hash.
 */
class CustomerTokensTest {

    private static final Duration CUSTOMER_LIFETIME = Duration.ofMinutes(90);
    private static final String INVALID_LOGIN = "Invalid email or password";

    private final RevocationWorld rw = new RevocationWorld();
    private final TestWorld world = rw.world;
    private final Tenant acme = world.tenants.put(TestWorld.tenant("acme").lifetimes(1800).build());
    private final Client storefront = put(TestWorld.client(acme, "storefront")
            .grantTypes(GrantType.CLIENT_CREDENTIALS, GrantType.IMPLICIT).scopes("orders:read").build());
    private final Client backend = put(TestWorld.client(acme, "backend")
            .grantTypes(GrantType.CLIENT_CREDENTIALS).scopes("orders:read", "customers:read").build());
    private final User ada = world.addUser(acme, "ada@example.com", "ada", "correct horse");
    private final CustomerTokens customerTokens = new CustomerTokens(rw.presented, rw.denyList, world.clients,
            world.userAuthenticator, rw.accessTokens, world.random,
            new MoltinSettings(Duration.ofHours(1), CUSTOMER_LIFETIME), world.clock, world.requestRates);

    private Client put(Client client) {
        world.clients.put(client, TestWorld.secret("secret-of-" + client.clientId()));
        return client;
    }

    private String implicitToken(Tenant tenant, Client client) {
        return success(new ImplicitGrantHandler(rw.accessTokens).handle(new GrantRequest(tenant, client, Map.of(),
                TokenRequest.UNKNOWN_ENDPOINT, TestWorld.MOLTIN_RULES))).accessToken();
    }

    private String clientCredentialsToken(Tenant tenant, Client client) {
        return success(new ClientCredentialsGrantHandler(rw.accessTokens).handle(new GrantRequest(tenant, client,
                Map.of(), TokenRequest.UNKNOWN_ENDPOINT, TestWorld.MOLTIN_RULES))).accessToken();
    }

    private VerifiedAccessToken verified(String token) {
        return rw.presented.accessToken(acme, token).orElseThrow();
    }

    // ---- issued

    @Test
    void theStoresImplicitTokenAndTheCustomersPasswordGiveACustomerToken() {
        String bearer = implicitToken(acme, storefront);
        CustomerToken issued = success(customerTokens.issue(acme, bearer, "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        VerifiedAccessToken token = verified(issued.token());
        Instant issuedAt = Instant.parse("2026-11-22T10:00:00Z");
        assertAll(
                () -> assertEquals(ada.id(), issued.customerId()),
                () -> assertEquals(ada.id().toString(), token.subject(), "the customer is the subject"),
                () -> assertEquals("storefront", token.clientId(), "the client whose token was presented"),
                () -> assertEquals(Scope.EMPTY, token.scope(), "no scope of its own"),
                () -> assertEquals(CustomerTokens.CUSTOMER_TOKEN,
                        token.otherClaims().get(AccessTokenClaims.GRANT_TYPE_CLAIM)),
                () -> assertEquals("customer_token", CustomerTokens.CUSTOMER_TOKEN),
                () -> assertEquals(issued.id(), token.tokenId(), "the id is the jti"),
                () -> assertEquals(issuedAt, token.issuedAt()),
                () -> assertEquals(issuedAt.plus(CUSTOMER_LIFETIME), token.expiresAt(),
                        "the customer token lifetime, not the client's or the tenant's"),
                () -> assertEquals(token.expiresAt(), issued.expiresAt()),
                () -> assertEquals("https://id.example.com/auth/realms/acme", token.issuer()),
                () -> assertEquals("acme", token.otherClaims().get("tenant")));
    }

    @Test
    void theCustomerTokenLifetimeIgnoresTheClientsOwnTtl() {
        Client shortLived = put(TestWorld.client(acme, "short").grantTypes(GrantType.IMPLICIT).lifetimes(120)
                .build());
        CustomerToken issued = success(customerTokens.issue(acme, implicitToken(acme, shortLived),
                "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        VerifiedAccessToken token = verified(issued.token());
        assertEquals(CUSTOMER_LIFETIME, Duration.between(token.issuedAt(), token.expiresAt()));
    }

    @Test
    void aBackendsClientCredentialsTokenWorksToo() {
        CustomerToken issued = success(customerTokens.issue(acme, clientCredentialsToken(acme, backend),
                "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        VerifiedAccessToken token = verified(issued.token());
        assertEquals("backend", token.clientId());
        assertEquals(ada.id().toString(), token.subject());
        assertEquals(Scope.EMPTY, token.scope(), "not the backend's scopes");
    }

    @Test
    void theEmailIsMatchedIgnoringCase() {
        String bearer = implicitToken(acme, storefront);
        assertEquals(ada.id(), success(customerTokens.issue(acme, bearer, "ADA@Example.COM", "correct horse", SourceAddress.UNKNOWN))
                .customerId());
    }

    @Test
    void everyCustomerTokenHasItsOwnId() {
        String bearer = implicitToken(acme, storefront);
        CustomerToken first = success(customerTokens.issue(acme, bearer, "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        CustomerToken second = success(customerTokens.issue(acme, bearer, "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        assertFalse(first.id().equals(second.id()));
        assertFalse(first.token().equals(second.token()));
    }

    // ---- wrong credentials: one answer, one hash

    @Test
    void aWrongPasswordAnUnknownEmailAndADisabledCustomerAreOneAnswerAtOneHashEach() {
        User sleeping = new User(UUID.randomUUID(), acme.id(), "bob@example.com", "bob", "", List.of(), false);
        world.users.create(sleeping, world.hasher.hash("bobs password"));
        String bearer = implicitToken(acme, storefront);
        int minted = rw.jws.signedCount();

        List<OAuthError> errors = new java.util.ArrayList<>();
        for (String[] login : List.of(
                new String[] {"ada@example.com", "wrong"},
                new String[] {"nobody@example.com", "correct horse"},
                new String[] {"bob@example.com", "bobs password"},
                new String[] {"ada@example.com", "Correct Horse"},
                new String[] {"ada@example.com", ""})) {
            int before = world.hasher.verifications.get();
            errors.add(failure(customerTokens.issue(acme, bearer, login[0], login[1], SourceAddress.UNKNOWN)));
            assertEquals(1, world.hasher.verifications.get() - before, "one hash for " + login[0]);
        }
        for (OAuthError error : errors) {
            assertEquals(OAuthErrorCode.INVALID_GRANT, error.code());
            assertEquals(INVALID_LOGIN, error.description());
            assertEquals(errors.getFirst(), error, "nothing tells the cases apart");
        }
        assertEquals(minted, rw.jws.signedCount(), "nothing minted");
    }

    @Test
    void theUsernameIsNotAnEmail() {
        OAuthError error = failure(customerTokens.issue(acme, implicitToken(acme, storefront), "ada",
                "correct horse", SourceAddress.UNKNOWN));
        assertEquals(OAuthErrorCode.INVALID_GRANT, error.code());
        assertEquals(INVALID_LOGIN, error.description());
    }

    @Test
    void aCustomerOfAnotherTenantIsUnknownHere() {
        Tenant shop = world.addTenant("shop");
        world.addUser(shop, "carol@example.com", "carol", "pw");
        assertEquals(INVALID_LOGIN, failure(customerTokens.issue(acme, implicitToken(acme, storefront),
                "carol@example.com", "pw", SourceAddress.UNKNOWN)).description());
    }

    @Test
    void overLongCredentialsAreRefusedLikeAnyOther() {
        String bearer = implicitToken(acme, storefront);
        String huge = "x".repeat(5000);
        assertEquals(INVALID_LOGIN, failure(customerTokens.issue(acme, bearer, huge + "@example.com",
                "correct horse", SourceAddress.UNKNOWN)).description());
        assertEquals(INVALID_LOGIN, failure(customerTokens.issue(acme, bearer, "ada@example.com", huge, SourceAddress.UNKNOWN))
                .description());
    }

    // ---- the bearer token

    @Test
    void anExpiredBearerIsInvalidToken() {
        String bearer = implicitToken(acme, storefront);
        world.clock.set(verified(bearer).expiresAt());
        assertInvalidToken(bearer);
        world.clock.advance(Duration.ofDays(1));
        assertInvalidToken(bearer);
    }

    @Test
    void aBearerIsAcceptedUntilItsLastSecond() {
        String bearer = implicitToken(acme, storefront);
        world.clock.set(verified(bearer).expiresAt().minusMillis(1));
        success(customerTokens.issue(acme, bearer, "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
    }

    @Test
    void aRevokedBearerIsInvalidToken() {
        String bearer = implicitToken(acme, storefront);
        rw.denyList.deny(acme, verified(bearer));
        assertInvalidToken(bearer);
        // another token of the same client is unaffected
        success(customerTokens.issue(acme, implicitToken(acme, storefront), "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
    }

    @Test
    void somethingThatIsNotOneOfTheTenantsTokensIsInvalidToken() {
        String real = implicitToken(acme, storefront);
        for (String garbage : List.of("", "garbage", "a.b.c", "fake.999.kid-1", "fake.0.other-kid",
                real + ".x", "x".repeat(10_000), rw.jws.signAs(rw.jws.claimsOf(real), "unknown-kid"))) {
            assertInvalidToken(garbage);
        }
    }

    @Test
    void aBearerOfAnotherTenantIsInvalidToken() {
        Tenant shop = world.addTenant("shop");
        // the same client_id in the other tenant
        Client shopFront = put(TestWorld.client(shop, "storefront").grantTypes(GrantType.IMPLICIT).build());
        assertInvalidToken(implicitToken(shop, shopFront));
        assertInvalidToken(clientCredentialsToken(shop, put(TestWorld.client(shop, "backend").scopes("a").build())));
    }

    @Test
    void aUsersTokenIsInsufficientScope() {
        String usersToken = rw.accessTokens.mint(acme, storefront, ada.id().toString(), Scope.of("orders:read"),
                Map.of()).accessToken();
        OAuthError error = failure(customerTokens.issue(acme, usersToken, "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        assertEquals(OAuthErrorCode.INSUFFICIENT_SCOPE, error.code());
    }

    @Test
    void aCustomerTokenCannotBeUsedToGetAnother() {
        CustomerToken issued = success(customerTokens.issue(acme, implicitToken(acme, storefront),
                "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        int hashes = world.hasher.verifications.get();
        int minted = rw.jws.signedCount();
        OAuthError error = failure(customerTokens.issue(acme, issued.token(), "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        assertEquals(OAuthErrorCode.INSUFFICIENT_SCOPE, error.code());
        assertEquals(hashes, world.hasher.verifications.get(), "refused before any password is checked");
        assertEquals(minted, rw.jws.signedCount());
    }

    @Test
    void aBearerWhoseClientWasDisabledOrDeletedIsInvalidToken() {
        String bearer = implicitToken(acme, storefront);
        String backendBearer = clientCredentialsToken(acme, backend);
        world.clients.update(TestWorld.client(acme, "storefront").grantTypes(GrantType.IMPLICIT).disabled().build());
        assertInvalidToken(bearer);
        world.clients.delete(acme.id(), "backend");
        assertInvalidToken(backendBearer);
    }

    @Test
    void aBearerIsCheckedBeforeTheCredentials() {
        int hashes = world.hasher.verifications.get();
        assertInvalidToken("garbage");
        assertEquals(hashes, world.hasher.verifications.get(), "no password is checked for a caller without a token");
    }

    private void assertInvalidToken(String bearer) {
        int minted = rw.jws.signedCount();
        int tokenIds = world.random.tokenIds;
        OAuthError error = failure(customerTokens.issue(acme, bearer, "ada@example.com", "correct horse", SourceAddress.UNKNOWN));
        assertEquals(OAuthErrorCode.INVALID_TOKEN, error.code(), bearer);
        assertEquals(minted, rw.jws.signedCount(), "nothing minted");
        assertEquals(tokenIds, world.random.tokenIds, "nothing minted");
        assertTrue(!error.description().contains("correct horse"));
    }
}
