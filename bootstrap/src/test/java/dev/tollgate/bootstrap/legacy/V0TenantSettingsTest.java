package dev.tollgate.bootstrap.legacy;

import static dev.tollgate.bootstrap.support.AdminTokens.operator;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.PASSWORD;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.assertV0Error;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.login;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.refresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a tenant admin changes about v0 through the admin API: rotation, lifetime, claim names, on and off. */
@QuarkusTest
class V0TenantSettingsTest {

    @Inject
    Fixtures fixtures;

    V0Stage stage(String slug) {
        return V0Stage.create(fixtures, slug, SigningAlgorithm.ES256, List.of("reader"));
    }

    static Response patch(String path, String json) {
        return given().auth().oauth2(operator()).contentType(ContentType.JSON).body(json).patch(path);
    }

    @Test
    void withRotationOnARefreshReplacesTheTokenAndAReuseRevokesTheFamily() {
        V0Stage stage = stage("v0s-rotate");
        patch("/admin/tenants/v0s-rotate", "{\"v0_rotate_refresh_tokens\":true}").then().statusCode(200)
                .body("v0_rotate_refresh_tokens", equalTo(true));

        String first = login(stage.host(), stage.user().email(), PASSWORD).path("refresh_token");
        String second = refresh(stage.host(), first).then().statusCode(200).extract().path("refresh_token");
        assertNotEquals(first, second);
        String third = refresh(stage.host(), second).then().statusCode(200).extract().path("refresh_token");

        // the replaced token again: someone else holds it, so the whole family stops
        assertV0Error(refresh(stage.host(), first), 403, "Authentication failed");
        assertV0Error(refresh(stage.host(), third), 403, "Authentication failed");
    }

    @Test
    void parallelRefreshesOfOneRotatingTokenSucceedOnce() throws Exception {
        V0Stage stage = stage("v0s-race");
        patch("/admin/tenants/v0s-race", "{\"v0_rotate_refresh_tokens\":true}").then().statusCode(200);
        String token = login(stage.host(), stage.user().email(), PASSWORD).path("refresh_token");
        int parallel = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return refresh(stage.host(), token).statusCode();
                }));
            }
            start.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                seen.add(status.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, seen.stream().filter(s -> s == 200).count(), seen.toString());
            assertEquals(parallel - 1, seen.stream().filter(s -> s == 403).count(), seen.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lifetimeAndScopeAreTheBuiltInClientsAndTheClaimNamesTheTenants() throws Exception {
        V0Stage stage = stage("v0s-claims");
        // a tenant may give v0 tokens the scopes its APIs check, like the seed's sample token
        patch("/admin/tenants/v0s-claims/clients/legacy-v0", """
                {"access_token_ttl":3600,"legacy_apis":false,"scopes":["read:current_user","offline_access"]}
                """).then().statusCode(200).body("access_token_ttl", equalTo(3600));
        patch("/admin/tenants/v0s-claims", """
                {"v0_tenant_claim":"https://acme.example/tenant","v0_roles_claim":"https://acme.example/roles"}
                """).then().statusCode(200).body("v0_tenant_claim", equalTo("https://acme.example/tenant"));

        Response issued = login(stage.host(), stage.user().email(), PASSWORD);
        issued.then().statusCode(200).body("expires_in", equalTo(3600))
                .body("scope", equalTo("read:current_user offline_access"));
        JWTClaimsSet claims = SignedJWT.parse(issued.path("access_token")).getJWTClaimsSet();
        assertEquals("read:current_user offline_access", claims.getStringClaim("scope"));
        assertEquals("v0s-claims", claims.getStringClaim("https://acme.example/tenant"));
        assertEquals(List.of("reader"), claims.getStringListClaim("https://acme.example/roles"));
        assertNull(claims.getClaim("http://newstore/newstore_id"));
        assertEquals("ES256", SignedJWT.parse(issued.path("access_token")).getHeader().getAlgorithm().getName());

        patch("/admin/tenants/v0s-claims", "{\"v0_roles_claim\":\"sub\"}").then().statusCode(400)
                .body("field", equalTo("v0_roles_claim"));
        patch("/admin/tenants/v0s-claims/clients/legacy-v0", "{\"grant_types\":[\"client_credentials\"]}")
                .then().statusCode(400).body("field", equalTo("grant_types"));
    }

    @Test
    void disablingTheUserOrTheBuiltInClientStopsV0ForThem() {
        V0Stage stage = stage("v0s-off");
        String refreshToken = login(stage.host(), stage.user().email(), PASSWORD).path("refresh_token");

        patch("/admin/tenants/v0s-off/users/" + stage.user().id(), "{\"enabled\":false}").then().statusCode(200);
        assertV0Error(login(stage.host(), stage.user().email(), PASSWORD), 403, "Authentication failed");
        assertV0Error(refresh(stage.host(), refreshToken), 403, "Authentication failed");
        patch("/admin/tenants/v0s-off/users/" + stage.user().id(), "{\"enabled\":true}").then().statusCode(200);
        refresh(stage.host(), refreshToken).then().statusCode(200);

        patch("/admin/tenants/v0s-off/clients/legacy-v0", "{\"enabled\":false}").then().statusCode(200);
        assertV0Error(login(stage.host(), stage.user().email(), PASSWORD), 403, "Authentication failed");
        assertV0Error(refresh(stage.host(), refreshToken), 403, "Authentication failed");
        given().auth().oauth2(operator()).delete("/admin/tenants/v0s-off/clients/legacy-v0")
                .then().statusCode(409);
    }

    @Test
    void aTenantCreatedThroughTheAdminApiServesV0AtOnce() {
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"slug\":\"v0s-new\",\"display_name\":\"New\",\"domains\":[\"v0s-new.v0.test\"]}")
                .post("/admin/tenants").then().statusCode(201);
        given().auth().oauth2(operator()).get("/admin/tenants/v0s-new/clients/legacy-v0").then().statusCode(200)
                .body("legacy_apis", equalTo(true)).body("access_token_ttl", equalTo(86400));
        given().auth().oauth2(operator()).contentType(ContentType.JSON)
                .body("{\"email\":\"first@v0s-new.test\",\"password\":\"" + PASSWORD + "\"}")
                .post("/admin/tenants/v0s-new/users").then().statusCode(201);
        login("v0s-new.v0.test", "first@v0s-new.test", PASSWORD).then().statusCode(200)
                .body("expires_in", equalTo(86400));
    }
}
