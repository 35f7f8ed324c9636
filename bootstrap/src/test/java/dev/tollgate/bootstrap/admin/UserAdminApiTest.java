package dev.tollgate.bootstrap.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Users through the admin API: unique emails, write-only bcrypt passwords, a password policy. */
@QuarkusTest
class UserAdminApiTest {

    @Inject
    Fixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    private static Response create(String token, String tenant, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post("/admin/tenants/" + tenant + "/users");
    }

    @Test
    void usersAndTheirPasswords() throws Exception {
        fixtures.tenant("adm-users", SigningAlgorithm.RS256, List.of());
        String admin = AdminTokens.operator();
        String password = "Tr0ub4dor&3-horse-staple";
        Response created = create(admin, "adm-users", "{\"email\":\"Ann@Shop.test\",\"name\":\"Ann\",\"roles\":[\"newstore_admin\"],"
                + "\"password\":\"" + password + "\"}");
        created.then().statusCode(201)
                .body("email", equalTo("ann@shop.test"))
                .body("username", equalTo("ann@shop.test"))
                .body("roles", equalTo(List.of("newstore_admin")))
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("password_hash")));
        String id = created.path("id");
        given().auth().oauth2(admin).get("/admin/tenants/adm-users/users/" + id).then().statusCode(200)
                .body("name", equalTo("Ann")).body("$", not(hasKey("password")));

        String hash;
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery(
                        "select password_hash from tenant_user where id = '" + id + "'")) {
            assertTrue(rows.next());
            hash = rows.getString(1);
        }
        assertTrue(hash.startsWith("$2a$"), "bcrypt");
        assertFalse(hash.contains(password));

        create(admin, "adm-users", "{\"email\":\"ann@shop.test\",\"password\":\"another-long-password\"}")
                .then().statusCode(409);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"enabled\":false,\"roles\":[]}")
                .patch("/admin/tenants/adm-users/users/" + id)
                .then().statusCode(200).body("enabled", equalTo(false)).body("roles", equalTo(List.of()));
        given().auth().oauth2(admin).get("/admin/tenants/adm-users/users").then().statusCode(200)
                .body("items.email", equalTo(List.of("ann@shop.test")));
        given().auth().oauth2(admin).delete("/admin/tenants/adm-users/users/" + id).then().statusCode(204);
        given().auth().oauth2(admin).get("/admin/tenants/adm-users/users/" + id).then().statusCode(404);
        given().auth().oauth2(admin).get("/admin/tenants/adm-users/users/not-a-uuid").then().statusCode(404);
    }

    @Test
    void validation() {
        fixtures.tenant("adm-users-valid", SigningAlgorithm.RS256, List.of());
        String admin = AdminTokens.operator();
        Map<String, String> cases = Map.of(
                "{\"password\":\"long-enough-password\"}", "email",
                "{\"email\":\"bob@shop.test\"}", "password",
                "{\"email\":\"not-an-email\",\"password\":\"long-enough-password\"}", "email",
                "{\"email\":\"bob@shop.test\",\"password\":\"short\"}", "password",
                "{\"email\":\"bob@shop.test\",\"password\":\"xbob@shop.test1\"}", "password",
                "{\"email\":\"bob@shop.test\",\"username\":\"bobby\",\"password\":\"I-am-bobby-123\"}", "password",
                "{\"email\":\"bob@shop.test\",\"password\":\"" + "é".repeat(40) + "\"}", "password",
                "{\"email\":\"bob@shop.test\",\"password\":\"long-enough-password\",\"roles\":[\"a b\"]}", "roles");
        cases.forEach((json, field) -> create(admin, "adm-users-valid", json).then()
                .statusCode(400).body("error", equalTo("invalid_request")).body("field", equalTo(field)));
    }

    @Test
    void usersManageScopeIsRequired() {
        fixtures.tenant("adm-users-scope", SigningAlgorithm.RS256, List.of());
        String secret = given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON)
                .body("{\"client_id\":\"clients-only\",\"name\":\"c\",\"scopes\":[\"clients:manage\"]}")
                .post("/admin/tenants/adm-users-scope/clients").then().statusCode(201).extract().path("client_secret");
        String token = AdminTokens.token("adm-users-scope", "clients-only", secret);
        given().auth().oauth2(token).get("/admin/tenants/adm-users-scope/users").then().statusCode(403);
    }
}
