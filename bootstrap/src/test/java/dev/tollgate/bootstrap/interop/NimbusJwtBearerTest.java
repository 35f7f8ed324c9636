package dev.tollgate.bootstrap.interop;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.tollgate.bootstrap.support.AdminTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A real OAuth/OIDC client library sends an RFC 7523 JWT bearer grant and validates the ID token it gets. */
@QuarkusTest
class NimbusJwtBearerTest {

    private static final String TENANT = "nimbus-jwt";

    @Test
    void aJwtBearerGrantGetsTokensAndTheIdTokenValidates() throws Exception {
        String issuer = ConfigProvider.getConfig().getValue("tollgate.public-url", String.class).replaceAll("/$", "")
                + "/auth/realms/" + TENANT;
        String admin = AdminTokens.operator();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("slug", TENANT, "profile", "storefront")).post("/admin/tenants").then().statusCode(201);
        String userId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "ann@nimbus.test", "name", "Ann", "password", "Correct-Horse-Battery-Staple-42"))
                .post("/admin/tenants/" + TENANT + "/users").then().statusCode(201).extract().path("id");
        String secret = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("client_id", "nimbus-app", "name", "Nimbus app", "grant_types",
                        List.of(JWTBearerGrant.GRANT_TYPE.getValue()), "scopes", List.of("catalog")))
                .post("/admin/tenants/" + TENANT + "/clients").then().statusCode(201).extract().path("client_secret");
        URI tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");

        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer("nimbus-app").subject("ann@nimbus.test")
                        .audience(tokenEndpoint.toString()).issueTime(Date.from(serviceNow()))
                        .expirationTime(Date.from(serviceNow().plusSeconds(60))).jwtID("nimbus-1").build());
        assertion.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));

        // no client authentication: the assertion is the client's proof (RFC 7523 §3.1)
        var http = new TokenRequest(tokenEndpoint, new JWTBearerGrant(assertion)).toHTTPRequest().send();
        TokenResponse generic = TokenResponse.parse(http);
        assertTrue(generic.indicatesSuccess(), () -> generic.toErrorResponse().getErrorObject().toString());
        assertEquals(AccessTokenType.BEARER, generic.toSuccessResponse().getTokens().getAccessToken().getType());
        assertNull(generic.toSuccessResponse().getTokens().getRefreshToken());

        OIDCTokenResponse oidc = assertInstanceOf(OIDCTokenResponse.class, OIDCTokenResponseParser.parse(http));
        IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer), new ClientID("nimbus-app"),
                JWSAlgorithm.RS256, new URL(issuer + "/protocol/openid-connect/certs"));
        IDTokenClaimsSet claims = validator.validate(oidc.getOIDCTokens().getIDToken(), null);
        assertEquals(userId, claims.getSubject().getValue());
        assertEquals("ann@nimbus.test", claims.getStringClaim("email"));
        assertEquals("Ann", claims.getStringClaim("name"));

        // the same assertion again: its jti was spent
        TokenResponse replay = TokenResponse.parse(new TokenRequest(tokenEndpoint, new JWTBearerGrant(assertion))
                .toHTTPRequest().send());
        TokenErrorResponse error = assertInstanceOf(TokenErrorResponse.class, replay);
        assertEquals("invalid_grant", error.getErrorObject().getCode());
        assertEquals(400, error.getErrorObject().getHTTPStatusCode());
    }

    /** The service's clock (TestClock): other tests move it forward, and assertions are judged by it. */
    private static Instant serviceNow() {
        return io.quarkus.arc.Arc.container().instance(dev.tollgate.bootstrap.support.TestClock.class).get().instant();
    }
}
