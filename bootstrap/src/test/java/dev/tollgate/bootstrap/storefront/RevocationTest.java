package dev.tollgate.bootstrap.storefront;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.application.port.RevokedAccessTokenRepository;
import dev.tollgate.application.token.AccessTokenDenyList;
import dev.tollgate.application.token.RefreshTokens;
import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.bootstrap.support.TestClock;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.RefreshToken;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7009 at {@code /oauth/revoke} (tenant by Host) and the realm path (tenant by slug), on PostgreSQL. */
@QuarkusTest
class RevocationTest {

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AccessTokenDenyList denyList;

    @Inject
    RevokedAccessTokenRepository revokedTokens;

    private TokenStage stage(String slug) {
        return TokenStage.create(fixtures, slug);
    }

    private static RequestSpecification as(TokenStage.Surface surface, String clientId, String secret) {
        return surface.request().auth().preemptive().basic(clientId, secret);
    }

    private static Response revoke(TokenStage.Surface surface, String clientId, String secret, String token) {
        return as(surface, clientId, secret).formParam("token", token).post(surface.revoke());
    }

    private static void assertRevokedQuietly(Response response) {
        response.then().statusCode(200).header("Cache-Control", "no-store");
        assertEquals("", response.asString());
    }

    private static boolean active(TokenStage.Surface surface, String clientId, String secret, String token) {
        return as(surface, clientId, secret).formParam("token", token).post(surface.introspect())
                .then().statusCode(200).extract().path("active");
    }

    private RefreshTokens.Issued refreshToken(TokenStage stage, String clientId) {
        return refreshTokens.issue(stage.tenant(), clientId, stage.user().id(), Scope.of("orders:read"),
                Duration.ofDays(1));
    }

    @Test
    void revokingAnAccessTokenMakesItInactive() {
        TokenStage stage = stage("revoke-access");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            String sibling = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            assertTrue(active(surface, TokenStage.RS, TokenStage.RS_SECRET, token));
            assertRevokedQuietly(revoke(surface, TokenStage.APP, TokenStage.APP_SECRET, token));
            assertEquals(false, active(surface, TokenStage.RS, TokenStage.RS_SECRET, token), surface.name());
            assertTrue(active(surface, TokenStage.RS, TokenStage.RS_SECRET, sibling), "only that token");
            // again: nothing changes, still a success
            assertRevokedQuietly(revoke(surface, TokenStage.APP, TokenStage.APP_SECRET, token));
        }
    }

    @Test
    void revokingARefreshTokenRevokesItsFamily() {
        TokenStage stage = stage("revoke-family");
        for (TokenStage.Surface surface : stage.surfaces()) {
            RefreshTokens.Issued first = refreshToken(stage, TokenStage.APP);
            RefreshToken stored = ((Outcome.Success<RefreshToken>) refreshTokens.redeemable(stage.tenant(),
                    first.value())).value();
            String second = ((Outcome.Success<String>) refreshTokens.renew(stored, first.value(), true)).value();
            RefreshTokens.Issued unrelated = refreshToken(stage, TokenStage.APP);
            assertTrue(active(surface, TokenStage.APP, TokenStage.APP_SECRET, second));

            assertRevokedQuietly(as(surface, TokenStage.APP, TokenStage.APP_SECRET).formParam("token", second)
                    .formParam("token_type_hint", "refresh_token").post(surface.revoke()));
            assertEquals(false, active(surface, TokenStage.APP, TokenStage.APP_SECRET, second));
            assertInstanceOf(Outcome.Failure.class, refreshTokens.redeemable(stage.tenant(), second));
            assertInstanceOf(Outcome.Failure.class, refreshTokens.redeemable(stage.tenant(), first.value()));
            assertEquals(RefreshToken.State.REVOKED,
                    refreshTokens.lookup(stage.tenant(), first.value()).orElseThrow().state());
            assertTrue(active(surface, TokenStage.APP, TokenStage.APP_SECRET, unrelated.value()), "other families");
        }
    }

    @Test
    void unknownMalformedAndExpiredTokensAreASuccess() {
        TokenStage stage = stage("revoke-unknown");
        for (TokenStage.Surface surface : stage.surfaces()) {
            for (String token : List.of("Z4tuV3lC4EvMV1X5A3HsB_VUBxmtlj5JtmUbtfQtWI538", "a.b.c", "x")) {
                assertRevokedQuietly(revoke(surface, TokenStage.APP, TokenStage.APP_SECRET, token));
            }
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            clock.advance(Duration.ofSeconds(3601));
            try {
                // expired, and not even this client's: nothing to refuse, nothing to list
                assertRevokedQuietly(revoke(surface, TokenStage.OTHER, TokenStage.OTHER_SECRET, token));
            } finally {
                clock.advance(Duration.ofSeconds(-3601));
            }
            assertTrue(active(surface, TokenStage.RS, TokenStage.RS_SECRET, token));
            // an unsupported hint is ignored: the token is still found and revoked
            assertRevokedQuietly(as(surface, TokenStage.APP, TokenStage.APP_SECRET).formParam("token", token)
                    .formParam("token_type_hint", "id_token").post(surface.revoke()));
            assertEquals(false, active(surface, TokenStage.RS, TokenStage.RS_SECRET, token));
        }
    }

    @Test
    void anotherClientsTokenIsRefused() {
        TokenStage stage = stage("revoke-foreign");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String access = surface.accessToken(TokenStage.OTHER, TokenStage.OTHER_SECRET);
            RefreshTokens.Issued refresh = refreshToken(stage, TokenStage.OTHER);
            for (String token : List.of(access, refresh.value())) {
                revoke(surface, TokenStage.APP, TokenStage.APP_SECRET, token)
                        .then().statusCode(400).contentType(ContentType.JSON)
                        .body("error", equalTo("unauthorized_client"));
            }
            assertTrue(active(surface, TokenStage.RS, TokenStage.RS_SECRET, access));
            assertTrue(active(surface, TokenStage.OTHER, TokenStage.OTHER_SECRET, refresh.value()));
        }
    }

    @Test
    void aPublicClientRevokesItsOwnTokenWithItsClientId() {
        TokenStage stage = stage("revoke-public");
        for (TokenStage.Surface surface : stage.surfaces()) {
            RefreshTokens.Issued spas = refreshToken(stage, TokenStage.SPA);
            assertRevokedQuietly(surface.request().formParam("client_id", TokenStage.SPA)
                    .formParam("token", spas.value()).post(surface.revoke()));
            assertInstanceOf(Outcome.Failure.class, refreshTokens.redeemable(stage.tenant(), spas.value()));

            // the built-in v0 client is public too: a v0 caller can end its session
            String refresh = given().header("Host", stage.host())
                    .formParam("grant_type", "password").formParam("username", stage.user().username())
                    .formParam("password", TokenStage.PASSWORD)
                    .post("/v0/token").then().statusCode(200).extract().path("refresh_token");
            assertRevokedQuietly(surface.request().formParam("client_id", "legacy-v0")
                    .formParam("token", refresh).post(surface.revoke()));
            given().header("Host", stage.host())
                    .formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
                    .post("/v0/refresh_token").then().statusCode(403);

            // client_id alone does not identify a confidential client
            RefreshTokens.Issued apps = refreshToken(stage, TokenStage.APP);
            surface.request().formParam("client_id", TokenStage.APP).formParam("token", apps.value())
                    .post(surface.revoke()).then().statusCode(401).body("error", equalTo("invalid_client"));
            assertInstanceOf(Outcome.Success.class, refreshTokens.redeemable(stage.tenant(), apps.value()));
        }
    }

    @Test
    void theClientMustAuthenticateAndSendAToken() {
        TokenStage stage = stage("revoke-auth");
        for (TokenStage.Surface surface : stage.surfaces()) {
            String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
            surface.request().formParam("token", token).post(surface.revoke())
                    .then().statusCode(401).body("error", equalTo("invalid_client"));
            Response wrong = revoke(surface, TokenStage.APP, "wrong", token);
            wrong.then().statusCode(401).body("error", equalTo("invalid_client"));
            assertTrue(wrong.header("WWW-Authenticate").startsWith("Basic"));
            as(surface, TokenStage.APP, TokenStage.APP_SECRET).contentType("application/x-www-form-urlencoded")
                    .post(surface.revoke()).then().statusCode(400).body("error", equalTo("invalid_request"));
            as(surface, TokenStage.APP, TokenStage.APP_SECRET).queryParam("token", token).post(surface.revoke())
                    .then().statusCode(400).body("error", equalTo("invalid_request"));
            assertTrue(active(surface, TokenStage.RS, TokenStage.RS_SECRET, token), "nothing was revoked");
        }
    }

    @Test
    void aRevokedAdminTokenIsRefusedByTheAdminApi() {
        String operator = AdminTokens.operator();
        given().auth().oauth2(operator).get("/admin/tenants").then().statusCode(200);
        given().auth().preemptive().basic("tollgate-admin", AdminTokens.OPERATOR_SECRET)
                .formParam("token", operator)
                .post("/auth/realms/admin/protocol/openid-connect/revoke").then().statusCode(200);
        given().auth().oauth2(operator).get("/admin/tenants").then().statusCode(401);
        given().auth().oauth2(AdminTokens.operator()).get("/admin/tenants").then().statusCode(200);
    }

    @Test
    void expiredEntriesArePurgedFromTheDenyList() throws Exception {
        TokenStage stage = stage("revoke-purge");
        TokenStage.Surface surface = stage.realm();
        String token = surface.accessToken(TokenStage.APP, TokenStage.APP_SECRET);
        String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        Tenant tenant = stage.tenant();
        assertRevokedQuietly(revoke(surface, TokenStage.APP, TokenStage.APP_SECRET, token));
        assertTrue(revokedTokens.contains(tenant.id(), jti));
        denyList.purgeExpired();
        assertTrue(revokedTokens.contains(tenant.id(), jti), "kept until the token expires");
        clock.advance(Duration.ofSeconds(3601));
        try {
            assertTrue(denyList.purgeExpired() >= 1);
            assertEquals(false, revokedTokens.contains(tenant.id(), jti));
        } finally {
            clock.advance(Duration.ofSeconds(-3601));
        }
    }
}
