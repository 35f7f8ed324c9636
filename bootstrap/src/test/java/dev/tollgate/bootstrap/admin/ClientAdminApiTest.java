package dev.tollgate.bootstrap.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.bootstrap.support.TestClock;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API clients part of the admin API, through its own tokens, against PostgreSQL. */
@QuarkusTest
class ClientAdminApiTest {

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    private static Response create(String token, String tenant, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post("/admin/tenants/" + tenant + "/clients");
    }

    @Test
    void secretIsShownOnceAndWorks() throws Exception {
        fixtures.tenant("adm-once", SigningAlgorithm.RS256, List.of());
        String admin = AdminTokens.operator();
        Response created = create(admin, "adm-once",
                "{\"client_id\":\"erp\",\"name\":\"ERP\",\"description\":\"nightly sync\",\"scopes\":[\"orders:read\"],"
                        + "\"access_token_ttl\":600}");
        created.then().statusCode(201).header("Cache-Control", "no-store")
                .body("client_id", equalTo("erp"))
                .body("client_secret", notNullValue())
                .body("scopes", equalTo(List.of("orders:read")))
                .body("access_token_ttl", equalTo(600))
                .body("legacy_apis", equalTo(false));
        String secret = created.path("client_secret");

        given().auth().oauth2(admin).get("/admin/tenants/adm-once/clients/erp")
                .then().statusCode(200).body("name", equalTo("ERP")).body("$", not(hasKey("client_secret")));
        String list = given().auth().oauth2(admin).get("/admin/tenants/adm-once/clients").then().statusCode(200)
                .body("items[0]", not(hasKey("client_secret")))
                .extract().asString();
        assertFalse(list.contains(secret));

        given().formParam("grant_type", "client_credentials").formParam("client_id", "erp")
                .formParam("client_secret", secret)
                .post("/auth/realms/adm-once/protocol/openid-connect/token")
                .then().statusCode(200).body("expires_in", equalTo(600)).body("scope", equalTo("orders:read"));

        assertFalse(databaseText().contains(secret), "the plain secret must not be stored");
        String audit = auditText("adm-once");
        assertTrue(audit.contains("client.create"), audit);
        assertTrue(audit.contains("admin/tollgate-admin"), audit);
        assertFalse(audit.contains(secret));
    }

    @Test
    void legacyClientAndGeneratedId() {
        fixtures.tenant("adm-legacy", SigningAlgorithm.RS256, List.of());
        Response created = create(AdminTokens.operator(), "adm-legacy",
                "{\"name\":\"Old integration\",\"legacy_apis\":true}");
        created.then().statusCode(201).body("legacy_apis", equalTo(true)).body("scopes", equalTo(List.of()));
        String clientId = created.path("client_id");
        assertEquals(36, clientId.length(), "a UUID, like the seed's client ids");
        given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", (String) created.path("client_secret"))
                .post("/auth/realms/adm-legacy/protocol/openid-connect/token")
                .then().statusCode(200).body("scope", equalTo(""));
    }

    @Test
    void disablingTakesEffectAtOnce() {
        fixtures.tenant("adm-disable", SigningAlgorithm.RS256, List.of());
        String admin = AdminTokens.operator();
        String secret = create(admin, "adm-disable", "{\"client_id\":\"pos\",\"name\":\"POS\"}").path("client_secret");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .patch("/admin/tenants/adm-disable/clients/pos")
                .then().statusCode(200).body("enabled", equalTo(false)).body("name", equalTo("POS"));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "pos")
                .formParam("client_secret", secret)
                .post("/auth/realms/adm-disable/protocol/openid-connect/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().oauth2(admin).delete("/admin/tenants/adm-disable/clients/pos").then().statusCode(204);
        given().auth().oauth2(admin).get("/admin/tenants/adm-disable/clients/pos").then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void rotationWithoutGraceStopsTheOldSecretAtOnce() {
        fixtures.tenant("adm-rotate", SigningAlgorithm.RS256, List.of());
        String admin = AdminTokens.operator();
        String old = create(admin, "adm-rotate", "{\"client_id\":\"svc\",\"name\":\"svc\"}").path("client_secret");
        Response rotated = given().auth().oauth2(admin).post("/admin/tenants/adm-rotate/clients/svc/secret");
        rotated.then().statusCode(201).body("client_id", equalTo("svc"));
        String fresh = rotated.path("client_secret");
        assertFalse(fresh.equals(old));
        tokenStatus("adm-rotate", "svc", old, 401);
        tokenStatus("adm-rotate", "svc", fresh, 200);
    }

    @Test
    void rotationWithGraceKeepsTheOldSecretUntilItEnds() {
        fixtures.tenant("adm-grace", SigningAlgorithm.RS256, List.of());
        String admin = AdminTokens.operator();
        String old = create(admin, "adm-grace", "{\"client_id\":\"svc\",\"name\":\"svc\"}").path("client_secret");
        String fresh = given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"grace_seconds\":3600}")
                .post("/admin/tenants/adm-grace/clients/svc/secret").then().statusCode(201)
                .extract().path("client_secret");
        tokenStatus("adm-grace", "svc", old, 200);
        tokenStatus("adm-grace", "svc", fresh, 200);
        clock.advance(Duration.ofSeconds(3601));
        try {
            tokenStatus("adm-grace", "svc", old, 401);
            tokenStatus("adm-grace", "svc", fresh, 200);
        } finally {
            clock.advance(Duration.ofSeconds(-3601));
        }
    }

    @Test
    void callerMustBeAuthenticatedAndAllowed() {
        fixtures.tenant("adm-auth", SigningAlgorithm.RS256, List.of());
        fixtures.tenant("adm-other", SigningAlgorithm.ES256, List.of());
        given().get("/admin/tenants/adm-auth/clients").then().statusCode(401).body("error", equalTo("invalid_token"))
                .header("WWW-Authenticate", notNullValue());
        given().auth().oauth2("not.a.jwt").get("/admin/tenants/adm-auth/clients").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJ0ZW5hbnQiOiJhZG1pbiIsInN1YiI6IngiLCJzY29wZSI6ImNsaWVudHM6bWFuYWdlIn0.")
                .get("/admin/tenants/adm-auth/clients").then().statusCode(401);
        // found by the fuzz test: claims nested 5000 deep overflowed the stack of the claims conversion (a 500)
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String deep = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"tenant\":\"admin\",\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c2ln";
        given().auth().oauth2(deep).get("/admin/tenants/adm-auth/clients").then().statusCode(401)
                .body("error", equalTo("invalid_token"));

        // a token without clients:manage
        var plain = fixtures.confidentialClient(
                fixtures.tenant("adm-auth", SigningAlgorithm.RS256, List.of()), "plain", Scope.of("read"));
        given().auth().oauth2(AdminTokens.token("adm-auth", "plain", plain.secret()))
                .get("/admin/tenants/adm-auth/clients")
                .then().statusCode(403).body("error", equalTo("insufficient_scope"));

        // a tenant's own client manager manages that tenant only
        String managerSecret = create(AdminTokens.operator(), "adm-auth",
                "{\"client_id\":\"manager\",\"name\":\"manager\",\"scopes\":[\"clients:manage\"]}").path("client_secret");
        String manager = AdminTokens.token("adm-auth", "manager", managerSecret);
        given().auth().oauth2(manager).get("/admin/tenants/adm-auth/clients").then().statusCode(200);
        given().auth().oauth2(manager).get("/admin/tenants/adm-other/clients").then().statusCode(403);
        given().auth().oauth2(manager).get("/admin/tenants/no-such-tenant/clients").then().statusCode(403);
        create(manager, "adm-other", "{\"name\":\"sneaky\"}").then().statusCode(403);
    }

    @Test
    void validationErrorsNameTheField() {
        fixtures.tenant("adm-valid", SigningAlgorithm.RS256, List.of());
        String admin = AdminTokens.operator();
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{}", "name"),
                Map.entry("{\"name\":\"x\",\"legacy_apis\":true,\"scopes\":[\"a\"]}", "scopes"),
                Map.entry("{\"name\":\"x\",\"access_token_ttl\":59}", "access_token_ttl"),
                Map.entry("{\"name\":\"x\",\"access_token_ttl\":86401}", "access_token_ttl"),
                Map.entry("{\"name\":\"x\",\"redirect_uris\":[\"http://shop.example.com/cb\"]}", "redirect_uris"),
                Map.entry("{\"name\":\"x\",\"redirect_uris\":[\"https://shop.example.com/cb#frag\"]}", "redirect_uris"),
                Map.entry("{\"name\":\"x\",\"redirect_uris\":[\"/relative\"]}", "redirect_uris"),
                Map.entry("{\"name\":\"x\",\"grant_types\":[\"urn:ietf:params:oauth:grant-type:device_code\"]}", "grant_types"),
                Map.entry("{\"name\":\"x\",\"kind\":\"robot\"}", "kind"),
                Map.entry("{\"name\":\"x\",\"kind\":\"user\"}", "owner"),
                Map.entry("{\"name\":\"x\",\"token_endpoint_auth_method\":\"private_key_jwt\"}",
                        "token_endpoint_auth_method"),
                Map.entry("{\"name\":\"x\",\"client_id\":\"has space\"}", "client_id"),
                Map.entry("{\"name\":\"x\",\"colour\":\"blue\"}", "colour"),
                Map.entry("{\"name\":42}", "name"),
                Map.entry("{\"name\":\"x\",\"scopes\":[\"bad\\\"scope\"]}", "scopes"),
                Map.entry("[1,2]", "body"),
                Map.entry("{\"name\":", "body"),
                // found by the fuzz test: PostgreSQL text cannot hold NUL, the insert used to fail with a 500
                Map.entry("{\"name\":\"x\\u0000y\"}", "name"),
                Map.entry("{\"name\":\"x\",\"scopes\":[\"a\",\"\\u0000\"]}", "scopes[1]"));
        cases.forEach((json, field) -> create(admin, "adm-valid", json).then()
                .statusCode(describedAs400(json)).contentType(ContentType.JSON)
                .body("error", equalTo("invalid_request"))
                .body("field", equalTo(field)));
        // loopback redirect URIs may use http
        create(admin, "adm-valid", "{\"name\":\"x\",\"redirect_uris\":[\"http://127.0.0.1:8765/cb\"]}")
                .then().statusCode(201);
        create(admin, "adm-valid", "{\"client_id\":\"dup\",\"name\":\"x\"}").then().statusCode(201);
        create(admin, "adm-valid", "{\"client_id\":\"dup\",\"name\":\"y\"}").then().statusCode(409)
                .body("error", equalTo("conflict"));
        given().auth().oauth2(admin).get("/admin/tenants/adm-valid/clients?limit=0").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().auth().oauth2(admin).get("/admin/tenants/adm-valid/clients?offset=x").then().statusCode(400)
                .body("field", equalTo("offset"));
        given().auth().oauth2(admin).get("/admin/tenants/no-such-tenant/clients").then().statusCode(404);
    }

    @Test
    void listsArePaginatedInStableOrder() {
        fixtures.tenant("adm-page", SigningAlgorithm.RS256, List.of());
        String admin = AdminTokens.operator();
        for (String id : List.of("c", "a", "e", "b", "d")) {
            create(admin, "adm-page", "{\"client_id\":\"" + id + "\",\"name\":\"" + id + "\"}").then().statusCode(201);
        }
        given().auth().oauth2(admin).get("/admin/tenants/adm-page/clients?limit=2").then().statusCode(200)
                .body("items.client_id", equalTo(List.of("a", "b"))).body("next_offset", equalTo(2));
        // every tenant also lists its built-in v0 client, which an admin may disable
        given().auth().oauth2(admin).get("/admin/tenants/adm-page/clients?limit=2&offset=4").then().statusCode(200)
                .body("items.client_id", equalTo(List.of("e", "legacy-v0"))).body("$", not(hasKey("next_offset")));
    }

    /** A status matcher whose failure names the request body that was wrongly accepted. */
    private static org.hamcrest.Matcher<Integer> describedAs400(String json) {
        return org.hamcrest.Matchers.describedAs("400 for " + json, equalTo(400));
    }

    private static void tokenStatus(String tenant, String clientId, String secret, int status) {
        given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post("/auth/realms/" + tenant + "/protocol/openid-connect/token")
                .then().statusCode(status);
    }

    private String databaseText() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("client", "client_secret", "audit_log")) {
                try (ResultSet rows = c.createStatement().executeQuery("select * from " + table)) {
                    while (rows.next()) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            text.append(rows.getString(i)).append('\n');
                        }
                    }
                }
            }
        }
        return text.toString();
    }

    private String auditText(String tenant) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery("select a.actor, a.action, a.resource, a.details "
                        + "from audit_log a join tenant t on t.id = a.tenant_id where t.slug = '" + tenant + "'")) {
            while (rows.next()) {
                text.append(rows.getString(1)).append(' ').append(rows.getString(2)).append(' ')
                        .append(rows.getString(3)).append(' ').append(rows.getString(4)).append('\n');
            }
        }
        return text.toString();
    }
}
