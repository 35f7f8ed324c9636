package dev.tollgate.bootstrap.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.application.provisioning.Provisioning;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeds' examples in the document (META-INF/openapi.yaml) are what the endpoints answer: each request example is
 * posted as it stands (with a live token where the seed's own would be unknown here, and the realm's placeholders
 * filled in), and the answer has every field of the response example, with the same JSON type, and no field the
 * operation's documented schema does not name.
 */
@QuarkusTest
class OpenApiExamplesTest {

    /** Seed 003's client and secret, registered as they are so that its requests can be posted verbatim. */
    static final String SEED_CLIENT = "c6b39d0c-45e0-4917-bf37-27590918cb29";
    static final String SEED_SECRET = "TTR2P4ES6cpfB2to4L6G4m2xzBm695hhMh1rg93B0DxKMNiw9n7aa9LU7316u68Z";
    /** Seed 001's integration user. */
    static final String SEED_USERNAME = "myusername@example.com";
    static final String SEED_PASSWORD = "V3lC4EvMV1X5h3HsB_VU";
    static final String SLUG = "openapi-examples";
    static final String HOST = "openapi-examples.test";

    @Inject
    Fixtures fixtures;
    @Inject
    Provisioning provisioning;

    private static JsonPath document;

    @BeforeEach
    void stage() {
        if (document != null) {
            return;
        }
        Tenant tenant = fixtures.tenant(SLUG, SigningAlgorithm.RS256, List.of(HOST));
        provisioning.ensureClient(new Client(tenant.id(), SEED_CLIENT, "seed 003", "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN),
                ClientScopes.scoped(Scope.of("email", "profile")), Optional.empty(), List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_POST, true), Optional.of(SEED_SECRET));
        fixtures.user(tenant, SEED_USERNAME, "myusername", SEED_PASSWORD, List.of("newstore_admin"));
        document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSeedsExamplesAreAttachedToTheirOperations() {
        // distinctive values of each seed, as the seeds have them
        assertEquals("myusername@example.com", requestExample("/v0/token", "seed-001").get("username"));
        assertEquals(86400, responseExample("/v0/token", "200", "seed-001").get("expires_in"));
        assertTrue(((String) responseExample("/v0/refresh_token", "200", "seed-001").get("access_token"))
                .startsWith("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IlFQqTFSVEEwTVVSQ05qWXpNVGhFT0RZeE5UVTVS"));
        assertEquals("query parameter password is not allowed.",
                responseExample("/v0/token", "400", "password query parameter").get("message"));
        assertEquals("Authentication failed", responseExample("/v0/token", "403", "seed-001").get("message"));
        assertEquals("Internal Error", responseExample("/v0/refresh_token", "500", "seed-001").get("message"));
        String realm = "/auth/realms/{tenant}/protocol/openid-connect/token";
        assertEquals("{CLIENT_ID}", requestExample(realm, "seed-002 client_credentials").get("client_id"));
        assertEquals(Map.of("access_token", "eyJhbGciOiJ....", "expires_in", 86400, "refresh_expires_in", 0,
                "token_type", "Bearer", "not-before-policy", 0, "scope", "email profile"),
                responseExample(realm, "200", "seed-002"));
        for (String grant : List.of("authorization_code", "client_credentials", "jwt-bearer", "refresh_token")) {
            assertNotNull(requestExample("/oauth/token", "seed-003 " + grant).get("grant_type"), grant);
            assertEquals(899, responseExample("/oauth/token", "200", "seed-003 " + grant).get("expires_in"), grant);
        }
        assertEquals(Map.of("error", "invalid_request", "error_description", "Invalid request"),
                responseExample("/oauth/token", "400", "seed-003"));
        assertEquals("user@storefront.run", example(
                "paths.'/oauth/authorize'.post.requestBody.content.'multipart/form-data'.examples.seed-003")
                .get("email"));
        assertEquals(Map.of("expires", 1500638876, "identifier", "client_credentials", "expires_in", 3600,
                "access_token", "xa3521ca621113e44eeed9232fa3e54571cb08bc", "token_type", "Bearer"),
                responseExample("/oauth/access_token", "200", "seed-004"));
    }

    @Test
    void storefrontClientCredentialsAsTheSeedSendsIt() {
        Map<String, Object> request = requestExample("/oauth/token", "seed-003 client_credentials");
        Response response = form(request).header("Host", HOST).post("/oauth/token");
        assertShape("/oauth/token", "200", "seed-003 client_credentials", response);
    }

    @Test
    void storefrontRefreshTokenAsTheSeedSendsIt() {
        Map<String, Object> request = new LinkedHashMap<>(
                requestExample("/oauth/token", "seed-003 refresh_token"));
        request.put("refresh_token", passwordGrant().getString("refresh_token"));
        Response response = form(request).header("Host", HOST).post("/oauth/token");
        assertShape("/oauth/token", "200", "seed-003 refresh_token", response);
    }

    @Test
    void storefrontErrorAsTheSeedShowsIt() {
        Response response = given().header("Host", HOST).contentType("application/x-www-form-urlencoded")
                .formParam("client_id", SEED_CLIENT).post("/oauth/token");
        assertEquals("invalid_request", response.jsonPath().getString("error"));
        assertShape("/oauth/token", "400", "seed-003", response);
    }

    @Test
    void realmClientCredentialsAsTheSeedSendsIt() {
        String realm = "/auth/realms/{tenant}/protocol/openid-connect/token";
        Map<String, Object> request = new LinkedHashMap<>(requestExample(realm, "seed-002 client_credentials"));
        // the seed's placeholders, filled in
        request.put("client_id", SEED_CLIENT);
        request.put("client_secret", SEED_SECRET);
        Response response = form(request).post("/auth/realms/" + SLUG + "/protocol/openid-connect/token");
        assertShape(realm, "200", "seed-002", response);
    }

    @Test
    void v0TokenAndRefreshAsTheSeedSendsThem() {
        Response token = form(requestExample("/v0/token", "seed-001")).header("Host", HOST).post("/v0/token");
        assertShape("/v0/token", "200", "seed-001", token);
        Map<String, Object> refresh = new LinkedHashMap<>(requestExample("/v0/refresh_token", "seed-001"));
        refresh.put("refresh_token", token.jsonPath().getString("refresh_token"));
        Response refreshed = form(refresh).header("Host", HOST).post("/v0/refresh_token");
        assertShape("/v0/refresh_token", "200", "seed-001", refreshed);
    }

    @Test
    void v0ErrorsAsTheSeedShowsThem() {
        Map<String, Object> wrong = new LinkedHashMap<>(requestExample("/v0/token", "seed-001"));
        wrong.put("password", "not-the-password");
        assertShape("/v0/token", "403", "seed-001", form(wrong).header("Host", HOST).post("/v0/token"));
        Response query = form(requestExample("/v0/token", "seed-001")).header("Host", HOST)
                .queryParam("password", SEED_PASSWORD).post("/v0/token");
        assertEquals("query parameter password is not allowed.", query.jsonPath().getString("message"));
        assertShape("/v0/token", "400", "password query parameter", query);
        assertShape("/v0/token", "400", "default", query);
    }

    @Test
    void moltinClientCredentialsAsTheSeedShowsIt() {
        Response response = given().header("Host", HOST).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", SEED_CLIENT)
                .formParam("client_secret", SEED_SECRET).post("/oauth/access_token");
        assertShape("/oauth/access_token", "200", "seed-004", response);
    }

    private JsonPath passwordGrant() {
        return given().header("Host", HOST).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", SEED_CLIENT)
                .formParam("client_secret", SEED_SECRET).formParam("username", SEED_USERNAME)
                .formParam("password", SEED_PASSWORD).post("/oauth/token")
                .then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification form(Map<String, Object> fields) {
        RequestSpecification request = given().contentType("application/x-www-form-urlencoded");
        fields.forEach((name, value) -> request.formParam(name, String.valueOf(value)));
        return request;
    }

    /**
     * The answer has the example's status, every field of the example with the same JSON type, and only fields the
     * documented schema of that answer names.
     */
    private static void assertShape(String path, String status, String exampleName, Response response) {
        assertEquals(Integer.parseInt(status), response.statusCode(), response.asString());
        Map<String, Object> example = responseExample(path, status, exampleName);
        Map<String, Object> actual = response.jsonPath().getMap("$");
        List<String> problems = new ArrayList<>();
        example.forEach((field, value) -> {
            if (!actual.containsKey(field)) {
                problems.add("missing " + field);
            } else if (!jsonType(value).equals(jsonType(actual.get(field)))) {
                problems.add(field + " is a " + jsonType(actual.get(field)) + ", the example's a " + jsonType(value));
            }
        });
        Set<String> documented = documentedFields(path, status);
        for (String field : new TreeSet<>(actual.keySet())) {
            if (!documented.contains(field)) {
                problems.add("undocumented " + field);
            }
        }
        // field names only: the values are live tokens
        assertTrue(problems.isEmpty(),
                path + " " + status + " " + exampleName + ": " + problems + " in " + actual.keySet());
    }

    private static String jsonType(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "string";
            case Number n -> "number";
            case Boolean b -> "boolean";
            case List<?> l -> "array";
            default -> "object";
        };
    }

    private static Set<String> documentedFields(String path, String status) {
        Map<String, Object> response = resolve(document.getMap(
                "paths.'" + path + "'.post.responses.'" + status + "'"), "responses");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = resolve((Map<String, Object>) json.get("schema"), "schemas");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        return properties.keySet();
    }

    private static Map<String, Object> resolve(Map<String, Object> node, String kind) {
        Object ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        String name = ((String) ref).substring(("#/components/" + kind + "/").length());
        return document.getMap("components." + kind + ".'" + name + "'");
    }

    private static Map<String, Object> requestExample(String path, String name) {
        String media = document.getMap("paths.'" + path + "'.post.requestBody.content")
                .containsKey("application/x-www-form-urlencoded") ? "application/x-www-form-urlencoded"
                : "application/json";
        return example("paths.'" + path + "'.post.requestBody.content.'" + media + "'.examples.'" + name + "'");
    }

    private static Map<String, Object> responseExample(String path, String status, String name) {
        Map<String, Object> response = resolve(document.getMap(
                "paths.'" + path + "'.post.responses.'" + status + "'"), "responses");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) content.get("application/json");
        @SuppressWarnings("unchecked")
        Map<String, Object> examples = (Map<String, Object>) json.get("examples");
        assertNotNull(examples, path + " " + status + " has no examples");
        @SuppressWarnings("unchecked")
        Map<String, Object> example = resolve((Map<String, Object>) examples.get(name), "examples");
        assertNotNull(example, path + " " + status + " has no example " + name);
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) example.get("value");
        return value;
    }

    private static Map<String, Object> example(String jsonPath) {
        Map<String, Object> reference = document.getMap(jsonPath);
        assertNotNull(reference, "no example at " + jsonPath);
        Map<String, Object> example = resolve(reference, "examples");
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) example.get("value");
        return value;
    }
}
