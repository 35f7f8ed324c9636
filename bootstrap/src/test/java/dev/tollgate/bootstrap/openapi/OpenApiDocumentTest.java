package dev.tollgate.bootstrap.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document (/q/openapi, merged from META-INF/openapi.yaml, the resources and DialectDocument) groups every
 * operation by dialect and documents the answers each can give; Swagger UI serves it.
 */
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

    static final List<String> DIALECTS = List.of("Realm (Keycloak-shaped)", "OAuth 2.0 / Storefront", "Moltin",
            "Token API v0 (deprecated)", "Admin API", "Discovery & keys");

    static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    /** Every operation: exactly one dialect tag, a summary, at least one success answer. */
    @Test
    void everyOperationHasExactlyOneDialectTagAndASummary() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> problems = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                operations++;
                String name = operation.getKey() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                List<String> tags = (List<String>) operation.getValue().get("tags");
                if (tags == null || tags.size() != 1 || !DIALECTS.contains(tags.get(0))) {
                    problems.add(name + " has the tags " + tags);
                } else {
                    used.add(tags.get(0));
                }
                Object summary = operation.getValue().get("summary");
                if (!(summary instanceof String text) || text.length() < 10) {
                    problems.add(name + " has the summary " + summary);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.getValue().get("responses");
                if (responses.keySet().stream().noneMatch(s -> s.startsWith("2") || s.startsWith("30"))) {
                    problems.add(name + " documents no success: " + responses.keySet());
                }
                boolean v0 = path.getKey().startsWith("/v0/");
                if (v0 != Boolean.TRUE.equals(operation.getValue().get("deprecated"))) {
                    problems.add(name + (v0 ? " is not marked deprecated" : " is marked deprecated"));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(41, operations, "operations (EndpointFuzzTest seeds each)");
        // every dialect is used, and the document declares exactly these tags, each described and linked to its doc
        assertEquals(Set.copyOf(DIALECTS), used);
        List<Map<String, Object>> tags = doc.getList("tags");
        assertEquals(DIALECTS, tags.stream().map(tag -> (String) tag.get("name")).toList());
        for (Map<String, Object> tag : tags) {
            assertTrue(tag.get("description") instanceof String, tag.toString());
            @SuppressWarnings("unchecked")
            String url = ((Map<String, String>) tag.get("externalDocs")).get("url");
            // relative to the repository root; the tests run in bootstrap/
            assertTrue(Files.isRegularFile(Path.of("..", url)), "no " + url + " for the tag " + tag.get("name"));
        }
    }

    /** docs/admin-api.md: creations (and rotations) answer 201, deletions 204; the scan alone would say 200. */
    @Test
    void adminSuccessStatusesAreTheOnesTheApiAnswers() {
        JsonPath doc = document();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/admin/")) {
                return;
            }
            @SuppressWarnings("unchecked")
            Set<String> statuses = ((Map<String, Object>) operation.get("responses")).keySet();
            String expected = switch (method) {
                case "post" -> "201";
                case "delete" -> "204";
                default -> "200";
            };
            assertTrue(statuses.contains(expected) && statuses.stream().filter(s -> s.startsWith("2")).count() == 1,
                    method + " " + path + ": " + statuses);
            if (!expected.equals("204")) {
                // the success body has a schema: the resource's view record, or a page of them
                assertTrue(doc.getString("paths.'" + path + "'." + method + ".responses.'" + expected
                        + "'.content.'application/json'.schema") != null, method + " " + path + " has no body schema");
            }
        }));
        assertEquals(List.of("openid-configuration", "oauth-authorization-server"), doc.getList(
                "paths.'/auth/realms/{tenant}/.well-known/{document}'.get.parameters.find { it.name == 'document' }"
                        + ".schema.enum"));
    }

    /** The abuse limits (429) and a database outage (503) are documented with Retry-After where they happen. */
    @Test
    void tokenEndpointsDocumentTooManyRequestsAndUnavailableWithRetryAfter() {
        JsonPath doc = document();
        Map<String, String> errorSchemas = Map.of(
                "/oauth/token", "OAuthError",
                "/auth/realms/{tenant}/protocol/openid-connect/token", "OAuthError",
                "/oauth/introspect", "OAuthError",
                "/auth/realms/{tenant}/protocol/openid-connect/revoke", "OAuthError",
                "/oauth/access_token", "JsonApiErrors",
                "/v2/customers/tokens", "JsonApiErrors",
                "/v0/token", "V0Error",
                "/v0/refresh_token", "V0Error");
        errorSchemas.forEach((path, schema) -> {
            for (String status : List.of("429", "503")) {
                String ref = doc.getString("paths.'" + path + "'.post.responses.'" + status + "'.'$ref'");
                assertTrue(ref != null && ref.startsWith("#/components/responses/"), path + " " + status + ": " + ref);
                String response = "components.responses." + ref.substring("#/components/responses/".length());
                assertEquals("#/components/headers/Retry-After",
                        doc.getString(response + ".headers.'Retry-After'.'$ref'"), path + " " + status);
                assertEquals("#/components/schemas/" + schema,
                        doc.getString(response + ".content.'application/json'.schema.'$ref'"), path + " " + status);
            }
        });
        assertEquals("integer", doc.getString("components.headers.'Retry-After'.schema.type"));
        // the admin API needs the database too, and answers its own error shape
        assertEquals("#/components/responses/AdminUnavailable",
                doc.getString("paths.'/admin/tenants'.get.responses.'503'.'$ref'"));
    }

    /** Token endpoints take forms with the grant parameters; nothing documents the raw any-type body they read. */
    @Test
    void tokenEndpointsTakeFormsWithTheGrantParameters() {
        JsonPath doc = document();
        for (String path : List.of("/oauth/token", "/auth/realms/{tenant}/protocol/openid-connect/token",
                "/oauth/access_token", "/v0/token", "/v0/refresh_token")) {
            Map<String, Object> content = doc.getMap("paths.'" + path + "'.post.requestBody.content");
            assertTrue(content.containsKey("application/x-www-form-urlencoded"), path + ": " + content.keySet());
            assertTrue(!content.containsKey("*/*"), path + ": " + content.keySet());
        }
        assertTrue(doc.getList("components.schemas.TokenRequest.properties.grant_type.enum")
                .contains("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        assertEquals("#/components/schemas/V0PasswordRequest", doc.getString(
                "paths.'/v0/token'.post.requestBody.content.'application/x-www-form-urlencoded'.schema.'$ref'"));
        // schemas of framework types the resources take (multipart input) are not in the document
        assertTrue(!doc.getMap("components.schemas").containsKey("MultipartFormDataInput"));
    }

    @Test
    void swaggerUiAndTheYamlDocumentAreServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertTrue(yaml.startsWith("---\nopenapi: 3.1") || yaml.startsWith("openapi: 3.1"), yaml.substring(0, 40));
        assertTrue(yaml.contains("name: Token API v0 (deprecated)"));
    }
}
