package dev.tollgate.bootstrap.interop;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import dev.tollgate.bootstrap.support.AdminTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real clients against the Moltin dialect on the default tenant (no Host matches localhost): the Nimbus OAuth SDK
 * reads seed 004's token response as an RFC 6749 one, and Nimbus JOSE verifies the token with the JWKS found through
 * the tenant's metadata, as a resource server of that platform would.
 */
@QuarkusTest
class NimbusMoltinClientTest {

    private static final Issuer ISSUER = new Issuer("http://localhost:8081/auth/realms/acme-staging");
    private static final URI ACCESS_TOKEN = URI.create("http://localhost:8081/oauth/access_token");
    private static final ClientID CLIENT = new ClientID("moltin-interop");
    private static Secret secret;

    @BeforeEach
    void client() {
        if (secret == null) {
            secret = new Secret(given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON)
                    .body("{\"client_id\":\"" + CLIENT + "\",\"name\":\"Moltin interop\","
                            + "\"grant_types\":[\"client_credentials\",\"implicit\"],\"scopes\":[\"orders:read\"]}")
                    .post("/admin/tenants/acme-staging/clients").then().statusCode(201).extract()
                    .path("client_secret"));
        }
    }

    private static JWTClaimsSet verify(String token) throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(ISSUER);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                JWKSourceBuilder.create(new URL(metadata.getJWKSetURI().toString())).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(ISSUER.getValue(),
                new JWTClaimsSet.Builder().issuer(ISSUER.getValue()).build(), Set.of("sub", "exp", "jti")));
        return processor.process(token, null);
    }

    @Test
    void theOAuthSdkReadsAClientCredentialsResponse() throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(ACCESS_TOKEN,
                new ClientSecretPost(CLIENT, secret), new ClientCredentialsGrant(), null).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse success = response.toSuccessResponse();
        assertEquals(AccessTokenType.BEARER, success.getTokens().getAccessToken().getType());
        assertEquals(3600, success.getTokens().getAccessToken().getLifetime());
        assertEquals("client_credentials", success.getCustomParameters().get("identifier"));
        JWTClaimsSet claims = verify(success.getTokens().getAccessToken().getValue());
        assertEquals(CLIENT.getValue(), claims.getSubject());
        assertEquals("orders:read", claims.getStringClaim("scope"));
    }

    @Test
    void anImplicitTokenVerifiesAgainstTheServedJwks() throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.POST, ACCESS_TOKEN);
        request.setContentType("application/x-www-form-urlencoded");
        request.setBody("grant_type=implicit&client_id=" + CLIENT);
        HTTPResponse http = request.send();
        assertEquals(200, http.getStatusCode());
        AccessTokenResponse success = AccessTokenResponse.parse(http);
        assertEquals("implicit", success.getCustomParameters().get("identifier"));
        JWTClaimsSet claims = verify(success.getTokens().getAccessToken().getValue());
        assertEquals("implicit", claims.getStringClaim("gty"));
        assertEquals("catalog:read carts:read carts:write checkout:write", claims.getStringClaim("scope"));
    }
}
