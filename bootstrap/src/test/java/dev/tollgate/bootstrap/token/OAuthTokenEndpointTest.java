package dev.tollgate.bootstrap.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OAuth 2.0 / Storefront token endpoint (seed 003 §2): form, JSON body, HTTP Basic; tenant from the Host. */
@QuarkusTest
class OAuthTokenEndpointTest {

    private static final String CLIENT = "acme-backend";
    private static final String SECRET = "acme-backend-secret-for-tests-only-0123456789";

    @Inject
    Fixtures fixtures;

    @Test
    void formBody() throws Exception {
        Response response = given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", CLIENT)
                .formParam("client_secret", SECRET)
                .post("/oauth/token");
        response.then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(86400))
                .body("scope", equalTo("email profile"));
        assertEquals(Set.of("access_token", "token_type", "expires_in", "scope"),
                response.jsonPath().getMap("").keySet());
        // no Host domain matched: the default tenant issued it
        String iss = SignedJWT.parse(response.path("access_token")).getJWTClaimsSet().getIssuer();
        assertEquals("http://localhost:8081/auth/realms/acme-staging", iss);
    }

    @Test
    void jsonBody() {
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"client_id\":\"" + CLIENT
                        + "\",\"client_secret\":\"" + SECRET + "\",\"scope\":\"email\"}")
                .post("/oauth/token")
                .then().statusCode(200).body("scope", equalTo("email"));
    }

    @Test
    void basicHeader() {
        given().auth().preemptive().basic(CLIENT, SECRET)
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token")
                .then().statusCode(200).body("token_type", equalTo("bearer"));
    }

    @Test
    void malformedJsonIsInvalidRequest() {
        for (String body : List.of("{", "[]", "\"text\"", "{\"grant_type\":42}", "{\"grant_type\":{\"a\":1}}",
                "{\"grant_type\":\"client_credentials\",\"grant_type\":\"client_credentials\"}")) {
            given().contentType(ContentType.JSON).body(body).post("/oauth/token")
                    .then().statusCode(400).contentType(ContentType.JSON).body("error", equalTo("invalid_request"));
        }
    }

    @Test
    void tenantComesFromTheHost() throws Exception {
        Tenant other = fixtures.tenant("other-shop", SigningAlgorithm.ES256, List.of("shop.other.test"));
        var client = fixtures.confidentialClient(other, "other-backend", Scope.of("catalog:read"));
        Response response = given().header("Host", "SHOP.other.test:8081")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "other-backend")
                .formParam("client_secret", client.secret())
                .post("/oauth/token");
        response.then().statusCode(200).body("scope", equalTo("catalog:read"));
        SignedJWT jwt = SignedJWT.parse(response.path("access_token"));
        assertEquals("http://localhost:8081/auth/realms/other-shop", jwt.getJWTClaimsSet().getIssuer());
        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
        // the same client is unknown to the default tenant
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "other-backend")
                .formParam("client_secret", client.secret())
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void bootstrapTenantDomainRoutes() {
        given().header("Host", "shop.acme.test")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", CLIENT).formParam("client_secret", SECRET)
                .post("/oauth/token")
                .then().statusCode(200);
    }

    @Test
    void credentialsInQueryAreRefused() {
        given().queryParam("client_secret", SECRET).formParam("grant_type", "client_credentials")
                .formParam("client_id", CLIENT)
                .post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", containsString("query"));
    }

    /** Found by the fuzz test: PostgreSQL cannot compare text with a NUL, and the lookup used to fail with a 500. */
    @Test
    void aNulInTheClientIdIsAnUnknownClient() {
        given().contentType(ContentType.URLENC)
                .body("grant_type=client_credentials&client_id=acme%00backend&client_secret=" + SECRET)
                .post("/oauth/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }
}
