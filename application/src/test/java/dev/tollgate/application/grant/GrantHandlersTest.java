package dev.tollgate.application.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.token.IssuedToken;
import java.util.ArrayList;
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

    record OtherHandler(GrantType grantType) implements GrantHandler {
        @Override
        public Outcome<IssuedToken> handle(GrantRequest request) {
            return Outcome.failure(OAuthError.invalidRequest("other test handler"));
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
    void refusesTwoHandlersForOneGrantType() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new GrantHandlers(List.of(
                new Handler(GrantType.CLIENT_CREDENTIALS), new OtherHandler(GrantType.CLIENT_CREDENTIALS))));
        assertTrue(e.getMessage().contains("client_credentials"), e.getMessage());
        assertTrue(e.getMessage().contains(Handler.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(OtherHandler.class.getName()), e.getMessage());
    }

    @Test
    void refusesTheSameHandlerTypeTwice() {
        assertThrows(IllegalStateException.class, () -> new GrantHandlers(List.of(
                new Handler(new GrantType("a")), new Handler(new GrantType("b")), new Handler(new GrantType("a")))));
    }

    @Test
    void noHandlersServeNothing() {
        GrantHandlers handlers = new GrantHandlers(List.of());
        assertTrue(handlers.supported().isEmpty());
        assertTrue(handlers.find(GrantType.CLIENT_CREDENTIALS).isEmpty());
    }

    @Test
    void laterChangesToTheGivenListDoNotLeakIn() {
        List<GrantHandler> list = new ArrayList<>(List.of(new Handler(new GrantType("a"))));
        GrantHandlers handlers = new GrantHandlers(list);
        list.add(new Handler(new GrantType("b")));
        assertEquals(Set.of(new GrantType("a")), handlers.supported());
        assertThrows(UnsupportedOperationException.class, () -> handlers.supported().add(new GrantType("x")));
    }
}
