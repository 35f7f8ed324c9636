package dev.tollgate.domain.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.domain.scope.Scope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrantTypeTest {

    @Test
    void isAnOpenValueComparedExactly() {
        assertEquals(GrantType.CLIENT_CREDENTIALS, new GrantType("client_credentials"));
        assertNotEquals(GrantType.CLIENT_CREDENTIALS, new GrantType("Client_Credentials"));
        assertEquals("urn:ietf:params:oauth:grant-type:token-exchange",
                new GrantType("urn:ietf:params:oauth:grant-type:token-exchange").toString());
    }

    @Test
    void blankOrNullIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GrantType(""));
        assertThrows(IllegalArgumentException.class, () -> new GrantType("  "));
        assertThrows(NullPointerException.class, () -> new GrantType(null));
    }

    @Test
    void clientCredentialsGrantIsOfItsType() {
        ClientCredentialsGrant grant = new ClientCredentialsGrant(Optional.of(Scope.of("a")));
        assertEquals(GrantType.CLIENT_CREDENTIALS, grant.type());
        assertEquals(Optional.of(Scope.of("a")), grant.requestedScope());
        assertThrows(NullPointerException.class, () -> new ClientCredentialsGrant(null));
    }
}
