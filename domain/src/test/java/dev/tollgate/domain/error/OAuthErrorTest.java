package dev.tollgate.domain.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OAuthErrorTest {

    @Test
    void factoriesPickTheirCodesWithAGeneralCause() {
        assertEquals(OAuthErrorCode.INVALID_REQUEST, OAuthError.invalidRequest("x").code());
        assertEquals(OAuthErrorCode.INVALID_CLIENT, OAuthError.invalidClient().code());
        assertEquals(OAuthErrorCode.INVALID_SCOPE, OAuthError.invalidScope("x").code());
        assertEquals(OAuthErrorCode.UNAUTHORIZED_CLIENT, OAuthError.unauthorizedClient("x").code());
        assertEquals(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, OAuthError.unsupportedGrantType("x").code());
        assertEquals(OAuthErrorCode.SERVER_ERROR, OAuthError.serverError().code());
        assertEquals(OAuthError.Cause.GENERAL, OAuthError.invalidClient().cause());
    }

    @Test
    void unknownTenantIsAnInvalidRequestWithItsOwnCause() {
        OAuthError error = OAuthError.unknownTenant();
        assertEquals(OAuthErrorCode.INVALID_REQUEST, error.code());
        assertEquals(OAuthError.Cause.UNKNOWN_TENANT, error.cause());
    }

    @Test
    void unsupportedGrantTypeNamesIt() {
        assertTrue(OAuthError.unsupportedGrantType("password").description().contains("password"));
    }

    @Test
    void becauseChangesOnlyTheCause() {
        OAuthError basic = OAuthError.invalidClient().because(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED);
        assertEquals(OAuthErrorCode.INVALID_CLIENT, basic.code());
        assertEquals(OAuthError.invalidClient().description(), basic.description());
        assertEquals(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED, basic.cause());
    }

    @Test
    void wireNamesAreTheRfc6749Codes() {
        assertEquals("invalid_request", OAuthErrorCode.INVALID_REQUEST.wireName());
        assertEquals("invalid_client", OAuthErrorCode.INVALID_CLIENT.wireName());
        assertEquals("invalid_grant", OAuthErrorCode.INVALID_GRANT.wireName());
        assertEquals("unauthorized_client", OAuthErrorCode.UNAUTHORIZED_CLIENT.wireName());
        assertEquals("unsupported_grant_type", OAuthErrorCode.UNSUPPORTED_GRANT_TYPE.wireName());
        assertEquals("invalid_scope", OAuthErrorCode.INVALID_SCOPE.wireName());
        assertEquals("server_error", OAuthErrorCode.SERVER_ERROR.wireName());
        assertEquals("temporarily_unavailable", OAuthErrorCode.TEMPORARILY_UNAVAILABLE.wireName());
    }

    @Test
    void partsMayNotBeNull() {
        assertThrows(NullPointerException.class, () -> new OAuthError(null, "x", OAuthError.Cause.GENERAL));
        assertThrows(NullPointerException.class,
                () -> new OAuthError(OAuthErrorCode.INVALID_REQUEST, null, OAuthError.Cause.GENERAL));
        assertThrows(NullPointerException.class, () -> new OAuthError(OAuthErrorCode.INVALID_REQUEST, "x", null));
    }
}
