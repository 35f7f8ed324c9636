package dev.tollgate.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LegacyTokenSettingsTest {

    @Test
    void theDefaultsAreTheSeedsNamespacedClaims() {
        assertTrue(LegacyTokenSettings.DEFAULT.tenantClaim().equals("http://newstore/newstore_id"));
        assertTrue(LegacyTokenSettings.DEFAULT.rolesClaim().equals("http://newstore/roles"));
        assertFalse(LegacyTokenSettings.DEFAULT.rotateRefreshTokens());
    }

    @Test
    void claimsTollgateSetsItselfCannotBeReused() {
        assertThrows(IllegalArgumentException.class, () -> new LegacyTokenSettings("sub", "roles", false));
        assertThrows(IllegalArgumentException.class, () -> new LegacyTokenSettings("tenant_id", "scope", false));
        assertThrows(IllegalArgumentException.class, () -> new LegacyTokenSettings("same", "same", false));
        assertThrows(IllegalArgumentException.class, () -> new LegacyTokenSettings("with space", "roles", false));
        assertThrows(IllegalArgumentException.class, () -> new LegacyTokenSettings("", "roles", false));
    }
}
