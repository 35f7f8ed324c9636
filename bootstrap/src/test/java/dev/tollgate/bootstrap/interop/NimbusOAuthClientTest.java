package dev.tollgate.bootstrap.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** A real OAuth client library discovers the tenant and runs the client credentials flow. */
@QuarkusTest
class NimbusOAuthClientTest {

    private static final Issuer ISSUER = new Issuer("http://localhost:8081/auth/realms/acme-staging");
    private static final ClientID CLIENT = new ClientID("acme-backend");
    private static final Secret SECRET = new Secret("acme-backend-secret-for-tests-only-0123456789");

    @Test
    void discoversMetadataByRfc8414AndGetsATokenWithBasic() throws Exception {
        // resolve() checks that the document's issuer equals the issuer it was asked for
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(ISSUER);
        assertEquals(ISSUER, metadata.getIssuer());
        assertTrue(metadata.getGrantTypes().contains(GrantType.CLIENT_CREDENTIALS));
        assertEquals(URI.create(ISSUER + "/protocol/openid-connect/certs"), metadata.getJWKSetURI());

        TokenResponse response = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(CLIENT, SECRET), new ClientCredentialsGrant(), new Scope("email"))
                .toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse success = response.toSuccessResponse();
        assertEquals(AccessTokenType.BEARER, success.getTokens().getAccessToken().getType());
        assertEquals(new Scope("email"), success.getTokens().getAccessToken().getScope());
        assertEquals(86_400, success.getTokens().getAccessToken().getLifetime());
    }

    @Test
    void storefrontEndpointWithClientSecretPost() throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(URI.create("http://localhost:8081/oauth/token"),
                new ClientSecretPost(CLIENT, SECRET), new ClientCredentialsGrant(), null)
                .toHTTPRequest().send());
        assertTrue(response.indicatesSuccess());
        assertFalse(response.toSuccessResponse().getTokens().getAccessToken().getValue().isBlank());
    }

    @Test
    void everyMetadataLocationAgreesWithTheIssuer() throws Exception {
        for (String location : new String[] {
                ISSUER + "/.well-known/openid-configuration",
                // RFC 8414 §3: well-known segment inserted before the issuer's path
                "http://localhost:8081/.well-known/oauth-authorization-server/auth/realms/acme-staging",
                // the Host-resolved tenant (no domain matches localhost: the default tenant)
                "http://localhost:8081/.well-known/oauth-authorization-server"}) {
            var http = new com.nimbusds.oauth2.sdk.http.HTTPRequest(
                    com.nimbusds.oauth2.sdk.http.HTTPRequest.Method.GET, URI.create(location));
            AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(http.send().getBodyAsJSONObject());
            assertEquals(ISSUER, metadata.getIssuer(), location);
            assertEquals(java.util.List.of(GrantType.AUTHORIZATION_CODE, GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD,
                    GrantType.REFRESH_TOKEN, GrantType.JWT_BEARER), metadata.getGrantTypes(), location);
            assertEquals(java.util.List.of(com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256),
                    metadata.getCodeChallengeMethods(), location);
            assertEquals(true, metadata.supportsAuthorizationResponseIssuerParam(), location);
        }
    }

    @Test
    void wrongSecretIsAStandardErrorResponse() throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(URI.create(ISSUER + "/protocol/openid-connect/token"),
                new ClientSecretBasic(CLIENT, new Secret("wrong")), new ClientCredentialsGrant(), null)
                .toHTTPRequest().send());
        TokenErrorResponse error = assertInstanceOf(TokenErrorResponse.class, response);
        assertEquals("invalid_client", error.getErrorObject().getCode());
        assertEquals(401, error.getErrorObject().getHTTPStatusCode());
    }
}
