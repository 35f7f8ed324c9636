package dev.tollgate.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.application.grant.GrantHandler;
import dev.tollgate.application.grant.GrantRequest;
import dev.tollgate.application.moltin.MoltinSettings;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.token.TokenLifetimes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a dialect's token endpoint serves, and how long its tokens live. */
class TokenEndpointRulesTest {

    record Handler(GrantType grantType, boolean generalPurpose) implements GrantHandler {
        @Override
        public Outcome<IssuedToken> handle(GrantRequest request) {
            return Outcome.failure(OAuthError.invalidRequest("test handler"));
        }
    }

    private static final Handler GENERAL = new Handler(GrantType.CLIENT_CREDENTIALS, true);
    private static final Handler PASSWORD = new Handler(GrantType.PASSWORD, true);
    private static final Handler DIALECT_ONLY = new Handler(GrantType.IMPLICIT, false);

    @Test
    void theStandardRulesServeEveryGeneralPurposeGrantAndNoOther() {
        assertTrue(TokenEndpointRules.STANDARD.serves(GENERAL));
        assertTrue(TokenEndpointRules.STANDARD.serves(PASSWORD));
        assertFalse(TokenEndpointRules.STANDARD.serves(DIALECT_ONLY));
        assertEquals(Optional.empty(), TokenEndpointRules.STANDARD.accessTokenLifetime());
    }

    @Test
    void namedGrantTypesAreServedWhetherGeneralPurposeOrNotAndNothingElse() {
        TokenEndpointRules moltin = TestWorld.MOLTIN_RULES;
        assertTrue(moltin.serves(GENERAL));
        assertTrue(moltin.serves(DIALECT_ONLY));
        assertFalse(moltin.serves(PASSWORD));
        assertEquals(Optional.of(Duration.ofHours(1)), moltin.accessTokenLifetime());
    }

    @Test
    void theGrantTypesAreCopied() {
        Set<GrantType> types = new HashSet<>(Set.of(GrantType.IMPLICIT));
        TokenEndpointRules rules = TokenEndpointRules.only(types, Duration.ofMinutes(1));
        types.add(GrantType.PASSWORD);
        assertFalse(rules.serves(PASSWORD));
    }

    @Test
    void theLifetimeMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> TokenEndpointRules.only(Set.of(GrantType.IMPLICIT), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> TokenEndpointRules.only(Set.of(GrantType.IMPLICIT), Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class,
                () -> new TokenEndpointRules(Optional.empty(), null));
    }

    @Test
    void aRequestsAccessTokenLifetimeIsTheClientsThenTheEndpointsThenTheTenants() {
        Tenant acme = TestWorld.tenant("acme").lifetimes(1800).build();
        Client withTtl = TestWorld.client(acme, "short").lifetimes(120).build();
        Client withoutTtl = TestWorld.client(acme, "plain").build();
        assertEquals(Duration.ofSeconds(120), new GrantRequest(acme, withTtl, Map.of(), TokenRequest.UNKNOWN_ENDPOINT,
                TestWorld.MOLTIN_RULES).accessTokenLifetime());
        assertEquals(Duration.ofHours(1), new GrantRequest(acme, withoutTtl, Map.of(), TokenRequest.UNKNOWN_ENDPOINT,
                TestWorld.MOLTIN_RULES).accessTokenLifetime());
        assertEquals(Duration.ofSeconds(1800), new GrantRequest(acme, withoutTtl, Map.of()).accessTokenLifetime());
        assertEquals(Duration.ofSeconds(120), new GrantRequest(acme, withTtl, Map.of()).accessTokenLifetime());
    }

    @Test
    void moltinSettingsDefaultToAnHourAndADayAndRefuseLessThanASecond() {
        assertEquals(Duration.ofHours(1), MoltinSettings.DEFAULT.accessTokenLifetime());
        assertEquals(Duration.ofHours(24), MoltinSettings.DEFAULT.customerTokenLifetime());
        for (Duration tooShort : new Duration[] {Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5)}) {
            assertThrows(IllegalArgumentException.class, () -> new MoltinSettings(tooShort, Duration.ofHours(1)));
            assertThrows(IllegalArgumentException.class, () -> new MoltinSettings(Duration.ofHours(1), tooShort));
        }
        assertThrows(NullPointerException.class, () -> new MoltinSettings(null, Duration.ofHours(1)));
    }

    @Test
    void moltinLifetimesMayNotOutliveTheLongestAccessToken() {
        // a retired signing key is published only as long as the longest access token may live
        Duration longest = TokenLifetimes.MAX_ACCESS_TOKEN;
        new MoltinSettings(longest, longest);
        assertThrows(IllegalArgumentException.class,
                () -> new MoltinSettings(longest.plusSeconds(1), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new MoltinSettings(Duration.ofHours(1), longest.plusSeconds(1)));
    }
}
