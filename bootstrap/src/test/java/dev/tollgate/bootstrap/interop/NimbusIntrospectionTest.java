package dev.tollgate.bootstrap.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A real OAuth library introspects (RFC 7662) and revokes (RFC 7009) Tollgate's tokens with client_secret_basic. */
@QuarkusTest
class NimbusIntrospectionTest {

    private static final ClientSecretBasic RESOURCE_SERVER = new ClientSecretBasic(new ClientID("nimbus-rs"),
            new Secret("nimbus-rs-secret-for-tests-only-0123456789abcd"));
    private static final ClientSecretBasic APP = new ClientSecretBasic(new ClientID("nimbus-app"),
            new Secret("nimbus-app-secret-for-tests-only-0123456789ab"));

    @Inject
    Fixtures fixtures;

    private static String publicUrl() {
        return ConfigProvider.getConfig().getValue("tollgate.public-url", String.class).replaceAll("/$", "");
    }

    /** The realm endpoints of a tenant of its own, with the resource server and the app registered. */
    private String realm(String slug) {
        Tenant tenant = fixtures.tenant(slug, SigningAlgorithm.ES256, List.of());
        fixtures.clientWithSecret(tenant, "nimbus-rs", dev.tollgate.domain.scope.Scope.EMPTY,
                RESOURCE_SERVER.getClientSecret().getValue());
        fixtures.clientWithSecret(tenant, "nimbus-app", dev.tollgate.domain.scope.Scope.of("orders:read", "email"),
                APP.getClientSecret().getValue());
        return publicUrl() + "/auth/realms/" + slug;
    }

    private static AccessToken token(String realm) throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(
                URI.create(realm + "/protocol/openid-connect/token"), APP, new ClientCredentialsGrant(),
                new Scope("orders:read")).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess());
        return response.toSuccessResponse().getTokens().getAccessToken();
    }

    private static TokenIntrospectionResponse introspect(String realm, ClientSecretBasic caller, AccessToken token)
            throws Exception {
        return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                URI.create(realm + "/protocol/openid-connect/token/introspect"), caller, token)
                .toHTTPRequest().send());
    }

    @Test
    void anActiveTokenParsesWithEveryStandardMember() throws Exception {
        String realm = realm("nimbus-introspect");
        AccessToken token = token(realm);
        TokenIntrospectionSuccessResponse active = assertInstanceOf(TokenIntrospectionSuccessResponse.class,
                introspect(realm, RESOURCE_SERVER, token));
        assertTrue(active.isActive());
        assertEquals(new Scope("orders:read"), active.getScope());
        assertEquals(new ClientID("nimbus-app"), active.getClientID());
        assertEquals(new Subject("nimbus-app"), active.getSubject());
        assertEquals(new Issuer(realm), active.getIssuer());
        assertEquals(List.of(new Audience(realm)), active.getAudience());
        assertEquals(AccessTokenType.BEARER, active.getTokenType());
        var claims = SignedJWT.parse(token.getValue()).getJWTClaimsSet();
        assertEquals(claims.getExpirationTime(), active.getExpirationTime());
        assertEquals(claims.getIssueTime(), active.getIssueTime());
        assertEquals(claims.getJWTID(), active.getJWTID().getValue());
        assertNull(active.getUsername(), "a client's own token has no user");
    }

    @Test
    void aRevokedTokenParsesAsInactive() throws Exception {
        String realm = realm("nimbus-revoke");
        AccessToken token = token(realm);
        HTTPResponse revoked = new TokenRevocationRequest(URI.create(realm + "/protocol/openid-connect/revoke"), APP,
                token).toHTTPRequest().send();
        assertEquals(200, revoked.getStatusCode());
        TokenIntrospectionSuccessResponse inactive = assertInstanceOf(TokenIntrospectionSuccessResponse.class,
                introspect(realm, RESOURCE_SERVER, token));
        assertFalse(inactive.isActive());
        assertNull(inactive.getClientID(), "an inactive token says nothing more");
        assertNull(inactive.getScope());
    }

    @Test
    void anUnknownTokenIsInactiveAtTheStorefrontPath() throws Exception {
        // /oauth/introspect with no matching Host domain: the default tenant; its built-in client may ask
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                URI.create(publicUrl() + "/oauth/introspect"),
                new ClientSecretBasic(new ClientID("acme-backend"),
                        new Secret("acme-backend-secret-for-tests-only-0123456789")),
                new BearerAccessToken("never-issued")).toHTTPRequest().send());
        assertFalse(assertInstanceOf(TokenIntrospectionSuccessResponse.class, response).isActive());
    }

    @Test
    void aWrongSecretIsAStandardErrorResponse() throws Exception {
        String realm = realm("nimbus-wrong-secret");
        TokenIntrospectionErrorResponse error = assertInstanceOf(TokenIntrospectionErrorResponse.class,
                introspect(realm, new ClientSecretBasic(RESOURCE_SERVER.getClientID(), new Secret("wrong")),
                        token(realm)));
        assertEquals("invalid_client", error.getErrorObject().getCode());
        assertEquals(401, error.getErrorObject().getHTTPStatusCode());
        assertNotNull(error.getErrorObject().getDescription());
    }
}
