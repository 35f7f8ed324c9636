package dev.tollgate.application.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.token.IssuedToken;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantHandlersTest {

    record Handler(GrantType grantType) implements GrantHandler {
        @Override
        public Outcome<IssuedToken> handle(GrantRequest request) {
            return Outcome.failure(OAuthError.invalidRequest("test handler"));
        }
    }

    @Test
    void routesByGrantType() {
        Handler a = new Handler(new GrantType("a"));
        Handler b = new Handler(new GrantType("b"));
        GrantHandlers handlers = new GrantHandlers(List.of(a, b));
        assertSame(a, handlers.find(new GrantType("a")).orElseThrow());
        assertSame(b, handlers.find(new GrantType("b")).orElseThrow());
        assertTrue(handlers.find(new GrantType("c")).isEmpty());
        assertEquals(Set.of(new GrantType("a"), new GrantType("b")), handlers.supported());
    }

    @Test
    void twoHandlersForOneGrantTypeIsAWiringError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new GrantHandlers(
                List.of(new Handler(new GrantType("a")), new Handler(new GrantType("a")))));
        assertTrue(e.getMessage().contains("a"));
    }
}
