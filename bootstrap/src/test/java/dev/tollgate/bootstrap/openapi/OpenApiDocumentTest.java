package dev.tollgate.bootstrap.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated OpenAPI document describes every admin endpoint, with its request body schema. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyAdminOperationIsDescribed() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Map<String, List<String>> expected = Map.of(
                "/admin/tenants", List.of("get", "post"),
                "/admin/tenants/{tenant}", List.of("get", "patch", "delete"),
                "/admin/tenants/{tenant}/clients", List.of("get", "post"),
                "/admin/tenants/{tenant}/clients/{clientId}", List.of("get", "patch", "delete"),
                "/admin/tenants/{tenant}/clients/{clientId}/secret", List.of("post"),
                "/admin/tenants/{tenant}/users", List.of("get", "post"),
                "/admin/tenants/{tenant}/users/{id}", List.of("get", "patch", "delete"),
                "/admin/tenants/{tenant}/keys", List.of("get"),
                "/admin/tenants/{tenant}/keys/rotate", List.of("post"));
        expected.forEach((path, methods) -> {
            assertTrue(paths.containsKey(path), "missing " + path);
            for (String method : methods) {
                assertTrue(paths.get(path).containsKey(method), "missing " + method + " " + path);
            }
        });
        String clientSchema = doc.getString(
                "paths.'/admin/tenants/{tenant}/clients'.post.requestBody.content.'application/json'.schema.'$ref'");
        assertTrue(clientSchema.endsWith("ClientRequest"), clientSchema);
        assertTrue(doc.getMap("components.schemas.ClientRequest.properties").containsKey("legacy_apis"));
        assertTrue(doc.getMap("components.securitySchemes").containsKey("bearer"));
    }
}
