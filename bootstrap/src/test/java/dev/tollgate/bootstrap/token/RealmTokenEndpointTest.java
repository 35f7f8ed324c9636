package dev.tollgate.bootstrap.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The realm token endpoint against seed 002 and RFC 6749 §5.2. */
@QuarkusTest
class RealmTokenEndpointTest {

    private static final String TOKEN = "/auth/realms/acme-staging/protocol/openid-connect/token";
    private static final String CLIENT = "acme-backend";
    private static final String SECRET = "acme-backend-secret-for-tests-only-0123456789";

    @Inject
    Fixtures fixtures;

    @Test
    void seed002ClientCredentialsResponseShape() {
        Response response = given()
                .header("Accept", "application/json")
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", CLIENT)
                .formParam("client_secret", SECRET)
                .post(TOKEN);
        response.then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(86400))
                .body("refresh_expires_in", equalTo(0))
                .body("'not-before-policy'", equalTo(0))
                .body("scope", equalTo("email profile"))
                .body("access_token", containsString("."));
        Map<String, Object> body = response.jsonPath().getMap("");
        assertEquals(Set.of("access_token", "expires_in", "refresh_expires_in", "token_type", "not-before-policy",
                "scope"), body.keySet());
    }

    @Test
    void basicAuthenticationWithFormEncodedCredentials() {
        Tenant tenant = fixtures.tenant("basic-auth", SigningAlgorithm.RS256, List.of());
        String secret = "s3cr3t:with+special/chars&more=é";
        fixtures.clientWithSecret(tenant, "client:with space", Scope.of("read"), secret);
        String credentials = url("client:with space") + ":" + url(secret);
        given().header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .formParam("grant_type", "client_credentials")
                .post("/auth/realms/basic-auth/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .body("scope", equalTo("read"));
    }

    @Test
    void scopeMayNarrowButNotWiden() {
        clientCredentials(Map.of("scope", "email")).then().statusCode(200).body("scope", equalTo("email"));
        clientCredentials(Map.of("scope", "email admin")).then()
                .statusCode(400)
                .body("error", equalTo("invalid_scope"))
                .body("error_description", containsString("admin"));
        clientCredentials(Map.of("scope", "bad\"scope")).then().statusCode(400).body("error", equalTo("invalid_scope"));
    }

    @Test
    void wrongSecretAndUnknownClientAreTheSame401() {
        Response wrong = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", CLIENT).formParam("client_secret", "wrong").post(TOKEN);
        Response unknown = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "nobody").formParam("client_secret", "wrong").post(TOKEN);
        wrong.then().statusCode(401).header("WWW-Authenticate", nullValue()).header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_client"));
        assertEquals(wrong.asString(), unknown.asString());
        assertEquals(401, unknown.statusCode());
    }

    @Test
    void failedBasicAuthenticationChallengesBasic() {
        given().auth().preemptive().basic(CLIENT, "wrong")
                .formParam("grant_type", "client_credentials")
                .post(TOKEN)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("error", equalTo("invalid_client"));
        given().header("Authorization", "Basic !!!not-base64")
                .formParam("grant_type", "client_credentials")
                .post(TOKEN)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void noClientAuthenticationIsInvalidClient() {
        given().formParam("grant_type", "client_credentials").post(TOKEN)
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void disabledClientIsRefused() {
        Tenant tenant = fixtures.tenant("acme-disabled", SigningAlgorithm.RS256, List.of());
        var client = fixtures.client(tenant, "sleeping", Scope.of("read"), Set.of(GrantType.CLIENT_CREDENTIALS),
                TokenEndpointAuthMethod.CLIENT_SECRET_POST, false, Optional.empty());
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "sleeping").formParam("client_secret", client.secret())
                .post("/auth/realms/acme-disabled/protocol/openid-connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void grantTypeErrors() {
        given().formParam("client_id", CLIENT).formParam("client_secret", SECRET).post(TOKEN)
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", containsString("grant_type"));
        given().formParam("grant_type", "urn:example:unknown")
                .formParam("client_id", CLIENT).formParam("client_secret", SECRET).post(TOKEN)
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
    }

    @Test
    void clientNotAllowedTheGrantIsUnauthorized() {
        Tenant tenant = fixtures.tenant("acme-grants", SigningAlgorithm.RS256, List.of());
        var client = fixtures.client(tenant, "code-only", Scope.of("read"), Set.of(new GrantType("authorization_code")),
                TokenEndpointAuthMethod.CLIENT_SECRET_POST, true, Optional.empty());
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "code-only").formParam("client_secret", client.secret())
                .post("/auth/realms/acme-grants/protocol/openid-connect/token")
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void malformedRequestsAreInvalidRequest() {
        // repeated parameter
        given().contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&grant_type=client_credentials&client_id=" + CLIENT
                        + "&client_secret=" + SECRET)
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", containsString("repeated"));
        // broken percent-encoding
        given().contentType("application/x-www-form-urlencoded").body("grant_type=client%ZZcredentials")
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
        // invalid UTF-8
        given().contentType("application/x-www-form-urlencoded").body("grant_type=%C3%28")
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
        // raw bytes that are not UTF-8
        given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                        .encoderConfig().encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)))
                .contentType("application/x-www-form-urlencoded")
                .body(new byte[] {'g', 'r', 'a', 'n', 't', '_', 't', 'y', 'p', 'e', '=', (byte) 0xC3, (byte) 0x28})
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", containsString("UTF-8"));
        // JSON is not part of the realm dialect
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\"}")
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", containsString("Content-Type"));
        given().contentType(ContentType.TEXT).body("grant_type=client_credentials")
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void credentialsInTheQueryStringAreRefused() {
        given().queryParam("client_secret", SECRET)
                .formParam("grant_type", "client_credentials").formParam("client_id", CLIENT)
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", containsString("query string"))
                .body(not(containsString(SECRET)));
    }

    @Test
    void twoAuthenticationMethodsAreRefused() {
        given().auth().preemptive().basic(CLIENT, SECRET)
                .formParam("grant_type", "client_credentials").formParam("client_secret", SECRET)
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
        given().auth().preemptive().basic(CLIENT, SECRET)
                .formParam("grant_type", "client_credentials").formParam("client_id", "someone-else")
                .post(TOKEN).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void unknownTenantIs404InTheSameShape() {
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", CLIENT).formParam("client_secret", SECRET)
                .post("/auth/realms/no-such-tenant/protocol/openid-connect/token")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("Unknown tenant"));
        given().post("/auth/realms/Not_A_Slug/protocol/openid-connect/token").then().statusCode(404);
    }

    @Test
    void oversizedBodyIsRefused() {
        String padding = "x".repeat(20_000);
        given().contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&padding=" + padding)
                .post(TOKEN).then().statusCode(413).contentType(ContentType.JSON)
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void wrongMethodIsJsonNotAStackTrace() {
        given().get(TOKEN).then().statusCode(405).contentType(ContentType.JSON)
                .body("error", equalTo("invalid_request"))
                .body(not(containsString("Exception")));
    }

    @Test
    void tokenLifetimeFollowsTheClient() {
        Tenant tenant = fixtures.tenant("acme-ttl", SigningAlgorithm.RS256, List.of());
        var client = fixtures.client(tenant, "short-lived", Scope.of("read"), Set.of(GrantType.CLIENT_CREDENTIALS),
                TokenEndpointAuthMethod.CLIENT_SECRET_POST, true,
                Optional.of(dev.tollgate.domain.token.TokenLifetimes.ofSeconds(120, 0)));
        given().formParam("grant_type", "client_credentials")
                .formParam("client_id", "short-lived").formParam("client_secret", client.secret())
                .post("/auth/realms/acme-ttl/protocol/openid-connect/token")
                .then().statusCode(200).body("expires_in", is(120));
    }

    private static Response clientCredentials(Map<String, String> extra) {
        var request = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", CLIENT).formParam("client_secret", SECRET);
        extra.forEach(request::formParam);
        return request.post(TOKEN);
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
