package dev.tollgate.domain.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Moltin's implicit token: its scope is the tenant's implicit scope or a part of it, never more. */
class ImplicitGrantTest {

    private static final Scope IMPLICIT = Scope.of("catalog:read", "carts:read", "carts:write", "checkout:write");

    @Test
    void isOfTheImplicitGrantType() {
        assertEquals(GrantType.IMPLICIT, new ImplicitGrant(Optional.empty()).type());
        assertEquals("implicit", GrantType.IMPLICIT.value());
        assertThrows(NullPointerException.class, () -> new ImplicitGrant(null));
    }

    @Test
    void withoutARequestedScopeTheTokenGetsTheTenantsImplicitScope() {
        assertEquals(IMPLICIT, success(new ImplicitGrant(Optional.empty()).scopeWithin(IMPLICIT)));
    }

    @Test
    void anEmptyRequestedScopeMeansNoneRequested() {
        assertEquals(IMPLICIT, success(new ImplicitGrant(Optional.of(Scope.EMPTY)).scopeWithin(IMPLICIT)));
        assertEquals(IMPLICIT,
                success(new ImplicitGrant(Optional.of(Scope.parse("   ").orElseThrow())).scopeWithin(IMPLICIT)));
    }

    @Test
    void aSubsetNarrowsTheTokenInTheOrderRequested() {
        Scope granted = success(new ImplicitGrant(Optional.of(Scope.of("carts:write", "catalog:read")))
                .scopeWithin(IMPLICIT));
        assertEquals(Scope.of("carts:write", "catalog:read"), granted);
        assertEquals(List.of("carts:write", "catalog:read"), List.copyOf(granted.tokens()));
    }

    @Test
    void theWholeImplicitScopeMayBeAskedFor() {
        assertEquals(IMPLICIT, success(new ImplicitGrant(Optional.of(IMPLICIT)).scopeWithin(IMPLICIT)));
    }

    @Test
    void aScopeBeyondTheImplicitScopeIsInvalidScopeNamingOnlyTheExtraTokens() {
        OAuthError error = failure(new ImplicitGrant(
                Optional.of(Scope.of("catalog:read", "orders:read", "customers:write"))).scopeWithin(IMPLICIT));
        assertEquals(OAuthErrorCode.INVALID_SCOPE, error.code());
        assertTrue(error.description().contains("orders:read"), error.description());
        assertTrue(error.description().contains("customers:write"), error.description());
        assertFalse(error.description().contains("catalog:read"), error.description());
    }

    @Test
    void tokensAreComparedExactly() {
        assertEquals(OAuthErrorCode.INVALID_SCOPE, failure(new ImplicitGrant(Optional.of(Scope.of("Catalog:Read")))
                .scopeWithin(IMPLICIT)).code());
        assertEquals(OAuthErrorCode.INVALID_SCOPE, failure(new ImplicitGrant(Optional.of(Scope.of("catalog")))
                .scopeWithin(IMPLICIT)).code());
    }

    @Test
    void anEmptyImplicitScopeGrantsNothingAndRefusesAnyRequest() {
        assertEquals(Scope.EMPTY, success(new ImplicitGrant(Optional.empty()).scopeWithin(Scope.EMPTY)));
        assertEquals(OAuthErrorCode.INVALID_SCOPE,
                failure(new ImplicitGrant(Optional.of(Scope.of("catalog:read"))).scopeWithin(Scope.EMPTY)).code());
    }

    @Test
    void theDefaultImplicitScopeHoldsNothingOnCustomersOrOrders() {
        for (String token : List.of("customers:read", "customers:write", "orders:read", "orders:write")) {
            assertEquals(OAuthErrorCode.INVALID_SCOPE, failure(new ImplicitGrant(Optional.of(Scope.of(token)))
                    .scopeWithin(Tenant.DEFAULT_IMPLICIT_SCOPE)).code(), token);
        }
    }

    private static <T> T success(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Success<T> s -> s.value();
            case Outcome.Failure<T> f -> fail("expected success, got " + f.error());
        };
    }

    private static <T> OAuthError failure(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Success<T> s -> fail("expected a failure, got " + s.value());
            case Outcome.Failure<T> f -> f.error();
        };
    }
}
