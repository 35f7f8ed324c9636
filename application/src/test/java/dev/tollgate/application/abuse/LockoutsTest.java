package dev.tollgate.application.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.authorization.AuthorizationAnswer;
import dev.tollgate.application.authorization.AuthorizationParameters;
import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.legacy.LegacyAnswer;
import dev.tollgate.application.legacy.PasswordLogin;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.application.user.PasswordCheck;
import dev.tollgate.domain.abuse.FailureLimit;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.tenant.Tenant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Brute-force locks through the use cases that check passwords and client secrets. */
class LockoutsTest {

    private static final FailureLimit THREE_THEN_30S = new FailureLimit(3, Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(15));
    private static final FailureLimit TEN_PER_SOURCE = new FailureLimit(10, Duration.ofMinutes(1),
            Duration.ofMinutes(1), Duration.ofMinutes(15));
    private static final SourceAddress HERE = SourceAddress.of("198.51.100.1");
    private static final SourceAddress ELSEWHERE = SourceAddress.of("198.51.100.2");

    private TestWorld world;
    private Tenant acme;

    @BeforeEach
    void setUp() {
        world = new TestWorld(new AbuseLimits(Optional.of(THREE_THEN_30S), Optional.of(THREE_THEN_30S),
                Optional.of(TEN_PER_SOURCE), Optional.empty(), Optional.empty()));
        acme = world.addTenantWithLegacyClient("acme");
        world.addUser(acme, "ada@acme.test", "ada", "correct horse battery");
    }

    private PasswordCheck check(String login, String password, SourceAddress source) {
        return world.userAuthenticator.authenticate(acme, login, password, source);
    }

    @Test
    void aLoginIsLockedAfterTooManyFailuresAndNotCheckedWhileLocked() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(PasswordCheck.Rejected.class, check("ada", "guess " + i, HERE));
        }
        int hashes = world.hasher.verifications.get();
        PasswordCheck.Locked locked = assertInstanceOf(PasswordCheck.Locked.class,
                check("ada", "correct horse battery", HERE));
        assertEquals(Duration.ofSeconds(30), locked.retryAfter());
        assertEquals(hashes, world.hasher.verifications.get(), "no hash spent on a locked login");
        // the lock is the login's, not the source's: from elsewhere too
        assertInstanceOf(PasswordCheck.Locked.class, check("ADA", "correct horse battery", ELSEWHERE));

        world.clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(PasswordCheck.Accepted.class, check("ada", "correct horse battery", HERE));
    }

    @Test
    void anUnknownLoginLocksExactlyLikeAKnownOne() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(PasswordCheck.Rejected.class, check("nobody", "guess " + i, HERE));
            assertInstanceOf(PasswordCheck.Rejected.class, check("ada", "guess " + i, ELSEWHERE));
        }
        PasswordCheck unknown = check("nobody", "guess", HERE);
        PasswordCheck known = check("ada", "guess", ELSEWHERE);
        assertEquals(unknown, known, "same answer, same wait: a lock tells nothing about the user");
    }

    @Test
    void locksGrowProgressivelyUpToTheMaximum() {
        Duration[] expected = {Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
            Duration.ofSeconds(120)};
        for (Duration lock : expected) {
            for (int i = 0; i < 3; i++) {
                check("ada", "guess", SourceAddress.UNKNOWN);
            }
            assertEquals(new PasswordCheck.Locked(lock), check("ada", "guess", SourceAddress.UNKNOWN));
            world.clock.advance(lock);
        }
    }

    @Test
    void aSuccessForgivesTheLoginsFailures() {
        check("ada", "guess", HERE);
        check("ada", "guess", HERE);
        assertInstanceOf(PasswordCheck.Accepted.class, check("ada", "correct horse battery", HERE));
        check("ada", "guess", HERE);
        check("ada", "guess", HERE);
        assertInstanceOf(PasswordCheck.Accepted.class, check("ada", "correct horse battery", HERE));
    }

    @Test
    void aSourceSprayingManyLoginsIsLockedForAllOfThem() {
        for (int i = 0; i < 10; i++) {
            check("user" + i, "guess", HERE);
        }
        assertEquals(new PasswordCheck.Locked(Duration.ofMinutes(1)), check("ada", "correct horse battery", HERE));
        assertInstanceOf(PasswordCheck.Accepted.class, check("ada", "correct horse battery", ELSEWHERE));
        // another tenant's counters are its own
        Tenant other = world.addTenant("other");
        world.addUser(other, "ada@other.test", "ada", "correct horse battery");
        assertInstanceOf(PasswordCheck.Accepted.class,
                world.userAuthenticator.authenticate(other, "ada", "correct horse battery", HERE));
    }

    @Test
    void aPasswordGrantOnALockedLoginIsThrottledWithRetryAfter() {
        Client app = TestWorld.client(acme, "app").grantTypes(GrantType.PASSWORD).build();
        world.clients.put(app, TestWorld.secret("app-secret"));
        OAuthError last = null;
        for (int i = 0; i < 4; i++) {
            last = failure(world.tokenService.answer(new TokenRequest(acme,
                    new ClientCredentials.SecretPost(app.clientId(), "app-secret"),
                    Map.of("grant_type", "password", "username", "ada", "password", "guess"),
                    TokenRequest.UNKNOWN_ENDPOINT, dev.tollgate.application.token.TokenEndpointRules.STANDARD,
                    HERE)).outcome());
        }
        assertEquals(OAuthErrorCode.TEMPORARILY_UNAVAILABLE, last.code());
        assertEquals(OAuthError.Cause.THROTTLED, last.cause());
        assertEquals(Optional.of(30L), last.retryAfterSeconds());
    }

    @Test
    void theV0LoginIsLockedToo() {
        LegacyAnswer answer = null;
        for (int i = 0; i < 4; i++) {
            answer = world.legacyTokenApi.token(Outcome.success(acme),
                    Outcome.success(new PasswordLogin("ada", "guess")), HERE);
        }
        LegacyAnswer.Failed failed = assertInstanceOf(LegacyAnswer.Failed.class, answer);
        assertEquals(OAuthError.Cause.THROTTLED, failed.error().cause());
    }

    @Test
    void clientSecretsAreLockedPerClientId() {
        world.addClient(acme, "backend", "s3cret", "catalog");
        for (int i = 0; i < 3; i++) {
            assertEquals(OAuthErrorCode.INVALID_CLIENT, failure(world.authenticator.authenticate(acme,
                    new ClientCredentials.SecretBasic("backend", "guess"), HERE)).code());
        }
        int digests = world.digester.matchCalls;
        OAuthError locked = failure(world.authenticator.authenticate(acme,
                new ClientCredentials.SecretPost("backend", "s3cret"), ELSEWHERE));
        assertEquals(OAuthError.Cause.THROTTLED, locked.cause());
        assertEquals(digests, world.digester.matchCalls, "no digest spent on a locked client_id");
        world.clock.advance(Duration.ofSeconds(30));
        assertTrue(world.authenticator.authenticate(acme, new ClientCredentials.SecretPost("backend", "s3cret"),
                HERE) instanceof Outcome.Success<Client>);
    }

    @Test
    void theLoginPageSaysForHowLongItIsLocked() {
        Client web = TestWorld.client(acme, "web")
                .grantTypes(GrantType.AUTHORIZATION_CODE)
                .authMethod(dev.tollgate.domain.client.TokenEndpointAuthMethod.NONE)
                .redirectUris("https://app.example/cb").build();
        world.clients.put(web);
        AuthorizationParameters parameters = new AuthorizationParameters(Map.of("response_type", "code",
                "client_id", web.clientId(), "redirect_uri", "https://app.example/cb",
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256"),
                Set.of());
        AuthorizationAnswer answer = null;
        for (int i = 0; i < 4; i++) {
            answer = world.codeAuthorization.signIn(acme, parameters, "ada", "guess", HERE);
        }
        AuthorizationAnswer.SignIn signIn = assertInstanceOf(AuthorizationAnswer.SignIn.class, answer);
        assertEquals(Optional.of(Duration.ofSeconds(30)), signIn.lockedFor());
    }

    @Test
    void longLoginsAreCountedUnderADigest() {
        String longLogin = "x".repeat(5000);
        for (int i = 0; i < 3; i++) {
            check(longLogin, "guess", SourceAddress.UNKNOWN);
        }
        assertInstanceOf(PasswordCheck.Locked.class, check(longLogin, "guess", SourceAddress.UNKNOWN));
        assertTrue(world.abuseLedger.entries.keySet().stream().allMatch(key -> key.length() < 200));
    }

    private static <T> OAuthError failure(Outcome<T> outcome) {
        return assertInstanceOf(Outcome.Failure.class, outcome).error();
    }
}
