package dev.tollgate.bootstrap.storefront;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.application.token.RefreshTokens;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.bootstrap.support.TestClock;
import dev.tollgate.domain.scope.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 7662 at {@code /oauth/introspect} (tenant by Host) and the realm path (tenant by slug), on PostgreSQL. */
@QuarkusTest
class IntrospectionTest {

    private static final String OUTSIDER_SECRET = "outsider-secret-for-tests-only-0123456789ab";

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    RefreshTokens refreshTokens;

    private TokenStage stage(String slug) {
        return TokenStage.create(fixtures, slug);
    }

    private static Response introspect(TokenStage.Surface surface, String token) {
        return surface.request().auth().preemptive().basic(TokenStage.RS, TokenStage.RS_SECRET)
                .formParam("token", token)
                .post(surface.introspect());
    }

    private static void assertInactive(Response response, String why) {
        response.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "no-store");
        assertEquals(Map.of("active", false), response.as(Map.class), why);
    }

    @Test
    void anActiveAccessTokenIsDescribed() throws Exception {
        TokenStage stage = stage("intro-active");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            Response response = introspect(surface, token);
            response.then().statusCode(200).contentType(ContentType.JSON)
                    .header("Cache-Control", "no-store")
                    .body("active", equalTo(true))
                    .body("scope", equalTo("orders:read catalog"))
                    .body("client_id", equalTo(TokenStage.APP))
                    .body("sub", equalTo(TokenStage.APP))
                    .body("aud", equalTo(stage.issuer()))
                    .body("iss", equalTo(stage.issuer()))
                    .body("exp", equalTo((int) (claims.getExpirationTime().getTime() / 1000)))
                    .body("iat", equalTo((int) (claims.getIssueTime().getTime() / 1000)))
                    .body("jti", equalTo(claims.getJWTID()))
                    .body("token_type", equalTo("Bearer"));
            assertEquals(Set.of("active", "scope", "client_id", "token_type", "exp", "iat", "sub", "aud", "iss", "jti"),
                    response.as(Map.class).keySet(), surface.name());
        }
    }

    @Test
    void aUsersTokenNamesTheUser() {
        TokenStage stage = stage("intro-user");
        Response login = given().header("Host", stage.host())
                .formParam("grant_type", "password").formParam("username", stage.user().username())
                .formParam("password", TokenStage.PASSWORD)
                .post("/v0/token");
        login.then().statusCode(200);
        for (TokenStage.Surface surface : stage.surfaces()) {
            introspect(surface, login.path("access_token")).then().statusCode(200)
                    .body("active", equalTo(true))
                    .body("sub", equalTo(stage.user().id().toString()))
                    .body("username", equalTo(stage.user().email()))
                    .body("client_id", equalTo("legacy-v0"));
        }
    }

    @Test
    void anExpiredAccessTokenIsInactive() {
        TokenStage stage = stage("intro-expired");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            // the stage's tenant issues one-hour tokens
            clock.advance(Duration.ofSeconds(3601));
            try {
                assertInactive(introspect(surface, token), surface.name());
            } finally {
                clock.advance(Duration.ofSeconds(-3601));
            }
            introspect(surface, token).then().body("active", equalTo(true));
        }
    }

    @Test
    void aRevokedAccessTokenIsInactive() {
        TokenStage stage = stage("intro-revoked");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            surface.request().auth().preemptive().basic(TokenStage.APP, TokenStage.APP_SECRET)
                    .formParam("token", token).post(surface.revoke())
                    .then().statusCode(200);
            assertInactive(introspect(surface, token), surface.name());
        }
    }

    @Test
    void unknownAndMalformedTokensAreInactive() {
        TokenStage stage = stage("intro-unknown");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String genuine = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            String[] parts = genuine.split("\\.");
            for (String token : List.of("Z4tuV3lC4EvMV1X5A3HsB_VUBxmtlj5JtmUbtfQtWI538", "a.b.c", "not a token",
                    parts[0] + "." + parts[1] + ".c2lnbmF0dXJl", parts[0] + ".e30." + parts[2])) {
                assertInactive(introspect(surface, token), surface.name() + ": " + token);
            }
        }
    }

    @Test
    void anotherTenantsTokenIsInactive() {
        TokenStage stage = stage("intro-here");
        TokenStage elsewhere = stage("intro-elsewhere");
        for (TokenStage.Surface surface : stage.surfaces()) {
            // same client id and scopes in both tenants: only the tenant differs
            String foreign = elsewhere.realm().accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            assertInactive(introspect(surface, foreign), surface.name());
            // and the default tenant's tokens are not this tenant's either
            String defaultTenants = given().auth().preemptive()
                    .basic("acme-backend", "acme-backend-secret-for-tests-only-0123456789")
                    .formParam("grant_type", "client_credentials").post("/oauth/token")
                    .then().statusCode(200).extract().path("access_token");
            assertInactive(introspect(surface, defaultTenants), surface.name());
            introspect(elsewhere.realm(), foreign).then().body("active", equalTo(true));
        }
    }

    @Test
    void aRefreshTokenIsActiveOnlyToItsClient() {
        TokenStage stage = stage("intro-refresh");
        for (TokenStage.Surface surface : stage.surfaces()) {
            RefreshTokens.Issued issued = refreshTokens.issue(stage.tenant(), TokenStage.RS, stage.user().id(),
                    Scope.of("orders:read"), Duration.ofDays(1));
            Response response = introspect(surface, issued.value());
            response.then().statusCode(200)
                    .body("active", equalTo(true))
                    .body("token_type", equalTo("refresh_token"))
                    .body("client_id", equalTo(TokenStage.RS))
                    .body("sub", equalTo(stage.user().id().toString()))
                    .body("scope", equalTo("orders:read"))
                    .body("exp", equalTo((int) issued.token().expiresAt().orElseThrow().getEpochSecond()))
                    .body("iat", equalTo((int) issued.token().issuedAt().getEpochSecond()));
            assertEquals(Set.of("active", "scope", "client_id", "token_type", "exp", "iat", "sub"),
                    response.as(Map.class).keySet());
            assertInactive(surface.request().auth().preemptive().basic(TokenStage.APP, TokenStage.APP_SECRET)
                    .formParam("token", issued.value()).formParam("token_type_hint", "refresh_token")
                    .post(surface.introspect()), "another client asks");
        }
    }

    @Test
    void theHintIsOnlyAHint() {
        TokenStage stage = stage("intro-hint");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            for (String hint : List.of("refresh_token", "access_token", "something_else")) {
                surface.request().auth().preemptive().basic(TokenStage.RS, TokenStage.RS_SECRET)
                        .formParam("token", token).formParam("token_type_hint", hint)
                        .post(surface.introspect()).then().statusCode(200).body("active", equalTo(true));
            }
        }
    }

    @Test
    void theCallerMustBeAConfidentialClientOfTheTenant() {
        TokenStage stage = stage("intro-auth");
        TokenStage elsewhere = stage("intro-auth-other");
        fixtures.clientWithSecret(elsewhere.tenant(), "outsider", Scope.EMPTY, OUTSIDER_SECRET);
        for (TokenStage.Surface surface : stage.surfaces()) {
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            surface.request().formParam("token", token).post(surface.introspect())
                    .then().statusCode(401).contentType(ContentType.JSON).body("error", equalTo("invalid_client"));
            Response wrongBasic = surface.request().auth().preemptive().basic(TokenStage.RS, "wrong")
                    .formParam("token", token).post(surface.introspect());
            wrongBasic.then().statusCode(401).body("error", equalTo("invalid_client"));
            assertNotNull(wrongBasic.header("WWW-Authenticate"), surface.name());
            assertTrue(wrongBasic.header("WWW-Authenticate").startsWith("Basic"));
            surface.request().formParam("client_id", TokenStage.SPA).formParam("token", token)
                    .post(surface.introspect())
                    .then().statusCode(401).body("error", equalTo("invalid_client"));
            surface.request().formParam("client_id", TokenStage.RS).formParam("client_secret", TokenStage.RS_SECRET)
                    .formParam("token", token).post(surface.introspect())
                    .then().statusCode(200).body("active", equalTo(true));
            // a client of another tenant is unknown here
            surface.request().auth().preemptive().basic("outsider", OUTSIDER_SECRET)
                    .formParam("token", token).post(surface.introspect())
                    .then().statusCode(401).body("error", equalTo("invalid_client"));
            elsewhere.realm().request().auth().preemptive().basic("outsider", OUTSIDER_SECRET)
                    .formParam("token", token).post(elsewhere.realm().introspect())
                    .then().statusCode(200).body("active", equalTo(false));
        }
    }

    @Test
    void malformedRequestsAreInvalidRequest() {
        TokenStage stage = stage("intro-malformed");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            surface.request().auth().preemptive().basic(TokenStage.RS, TokenStage.RS_SECRET)
                    .contentType("application/x-www-form-urlencoded").post(surface.introspect())
                    .then().statusCode(400).body("error", equalTo("invalid_request"))
                    .body("error_description", containsString("token"));
            surface.request().auth().preemptive().basic(TokenStage.RS, TokenStage.RS_SECRET)
                    .queryParam("token", token).formParam("token_type_hint", "access_token")
                    .post(surface.introspect())
                    .then().statusCode(400).body("error", equalTo("invalid_request"))
                    .body("error_description", containsString("query"));
            surface.request().auth().preemptive().basic(TokenStage.RS, TokenStage.RS_SECRET)
                    .contentType("application/x-www-form-urlencoded").body("token=" + token + "&token=" + token)
                    .post(surface.introspect())
                    .then().statusCode(400).body("error", equalTo("invalid_request"));
            surface.request().auth().preemptive().basic(TokenStage.RS, TokenStage.RS_SECRET)
                    .formParam("client_secret", TokenStage.RS_SECRET).formParam("token", token)
                    .post(surface.introspect())
                    .then().statusCode(400).body("error", equalTo("invalid_request"));
        }
    }

    @Test
    void anUnknownRealmIsNotFound() {
        given().auth().preemptive().basic(TokenStage.RS, TokenStage.RS_SECRET).formParam("token", "x")
                .post("/auth/realms/no-such-realm/protocol/openid-connect/token/introspect")
                .then().statusCode(404).body("error", equalTo("invalid_request"));
    }
}
