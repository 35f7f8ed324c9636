package dev.tollgate.bootstrap.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.bootstrap.support.AdminTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tenants through the admin API: created, routed, re-keyed, disabled, deleted. */
@QuarkusTest
class TenantAdminApiTest {

    private static Response post(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post("/admin/tenants");
    }

    private static Response patch(String token, String slug, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).patch("/admin/tenants/" + slug);
    }

    @Test
    void lifecycleOfATenant() throws Exception {
        String admin = AdminTokens.operator();
        post(admin, "{\"slug\":\"shop-staging\",\"display_name\":\"Shop (staging)\",\"domains\":[\"Staging.Shop.test\"],"
                + "\"access_token_ttl\":899}")
                .then().statusCode(201)
                .body("slug", equalTo("shop-staging"))
                .body("issuer", equalTo("http://localhost:8081/auth/realms/shop-staging"))
                .body("domains", equalTo(List.of("staging.shop.test")))
                .body("access_token_ttl", equalTo(899))
                .body("signing_algorithm", equalTo("RS256"));
        post(admin, "{\"slug\":\"shop-staging\"}").then().statusCode(409).body("error", equalTo("conflict"));
        post(admin, "{\"slug\":\"other-shop-x\",\"domains\":[\"staging.shop.test\"]}").then().statusCode(409);

        String secret = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"client_id\":\"app\",\"name\":\"app\"}")
                .post("/admin/tenants/shop-staging/clients").then().statusCode(201).extract().path("client_secret");
        given().header("Host", "staging.shop.test").formParam("grant_type", "client_credentials")
                .formParam("client_id", "app").formParam("client_secret", secret).post("/oauth/token")
                .then().statusCode(200).body("expires_in", equalTo(899));

        patch(admin, "shop-staging", "{\"signing_algorithm\":\"ES256\"}").then().statusCode(200)
                .body("signing_algorithm", equalTo("ES256"));
        String token = AdminTokens.token("shop-staging", "app", secret);
        assertEquals("ES256", SignedJWT.parse(token).getHeader().getAlgorithm().getName());

        given().auth().oauth2(admin).get("/admin/tenants/shop-staging").then().statusCode(200)
                .body("display_name", equalTo("Shop (staging)"));
        given().auth().oauth2(admin).delete("/admin/tenants/shop-staging").then().statusCode(409);
        patch(admin, "shop-staging", "{\"enabled\":false}").then().statusCode(200);
        given().formParam("grant_type", "client_credentials").formParam("client_id", "app")
                .formParam("client_secret", secret).post("/auth/realms/shop-staging/protocol/openid-connect/token")
                .then().statusCode(404);
        given().auth().oauth2(admin).delete("/admin/tenants/shop-staging").then().statusCode(204);
        given().auth().oauth2(admin).get("/admin/tenants/shop-staging").then().statusCode(404);
    }

    @Test
    void validation() {
        String admin = AdminTokens.operator();
        post(admin, "{\"slug\":\"Bad_Slug\"}").then().statusCode(400).body("field", equalTo("slug"));
        post(admin, "{}").then().statusCode(400).body("field", equalTo("slug"));
        post(admin, "{\"slug\":\"t-ttl\",\"access_token_ttl\":10}").then().statusCode(400)
                .body("field", equalTo("access_token_ttl"));
        post(admin, "{\"slug\":\"t-alg\",\"signing_algorithm\":\"HS256\"}").then().statusCode(400)
                .body("field", equalTo("signing_algorithm"));
        post(admin, "{\"slug\":\"t-dom\",\"domains\":[\"not a host\"]}").then().statusCode(400)
                .body("field", equalTo("domains"));
        patch(admin, "acme-staging", "{\"slug\":\"renamed\"}").then().statusCode(400).body("field", equalTo("slug"));
        given().auth().oauth2(admin).delete("/admin/tenants/admin").then().statusCode(409);
        patch(admin, "admin", "{\"enabled\":false}").then().statusCode(409).body("error", equalTo("conflict"));
    }

    @Test
    void onlyTheAdminTenantManagesTenants() {
        String admin = AdminTokens.operator();
        String secret = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"client_id\":\"wannabe\",\"name\":\"w\",\"scopes\":[\"tenants:manage\",\"clients:manage\"]}")
                .post("/admin/tenants/acme-staging/clients").then().statusCode(201).extract().path("client_secret");
        String tenantToken = AdminTokens.token("acme-staging", "wannabe", secret);
        post(tenantToken, "{\"slug\":\"not-allowed\"}").then().statusCode(403);
        given().auth().oauth2(tenantToken).get("/admin/tenants").then().statusCode(403);
        given().get("/admin/tenants").then().statusCode(401);
        given().auth().oauth2(admin).get("/admin/tenants?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("next_offset", equalTo(1));
    }
}
