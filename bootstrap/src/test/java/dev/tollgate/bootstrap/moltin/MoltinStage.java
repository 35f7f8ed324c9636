package dev.tollgate.bootstrap.moltin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tollgate.bootstrap.support.AdminTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Moltin-style store of its own, set up the way an operator would through the admin API: a tenant reached by its
 * Host, a client allowed client_credentials and implicit (with scopes far beyond the implicit set), a client allowed
 * client_credentials only, and a customer.
 */
record MoltinStage(String slug, String host, String storeSecret, String backendSecret, String customerId) {

    static final String STORE = "store";
    static final String BACKEND = "backend";
    static final String CUSTOMER_EMAIL = "ron@swanson.example";
    static final String CUSTOMER_PASSWORD = "mysecretpassword";

    static MoltinStage create(String slug) {
        String operator = AdminTokens.operator();
        String host = slug + ".moltin.test";
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"domains\":[\"" + host + "\"]}")
                .post("/admin/tenants").then().statusCode(201);
        String storeSecret = client(slug, "{\"client_id\":\"" + STORE + "\",\"name\":\"Storefront\","
                + "\"grant_types\":[\"client_credentials\",\"implicit\"],"
                + "\"scopes\":[\"catalog:read\",\"catalog:write\",\"orders:read\",\"customers:read\",\"carts:read\"]}");
        String backendSecret = client(slug, "{\"client_id\":\"" + BACKEND + "\",\"name\":\"Back office\","
                + "\"grant_types\":[\"client_credentials\"],\"scopes\":[\"orders:read\",\"orders:write\"]}");
        String customerId = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"email\":\"" + CUSTOMER_EMAIL + "\",\"username\":\"ron\",\"name\":\"Ron Swanson\","
                        + "\"password\":\"" + CUSTOMER_PASSWORD + "\"}")
                .post("/admin/tenants/" + slug + "/users").then().statusCode(201).extract().path("id");
        return new MoltinStage(slug, host, storeSecret, backendSecret, customerId);
    }

    /** Registers a client of {@code slug}; returns its secret. */
    static String client(String slug, String json) {
        return given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON).body(json)
                .post("/admin/tenants/" + slug + "/clients").then().statusCode(201).extract().path("client_secret");
    }

    String client(String json) {
        return client(slug, json);
    }

    RequestSpecification request() {
        return given().header("Host", host);
    }

    /** seed 004: {@code grant_type=client_credentials&client_id=…&client_secret=…}. */
    Response clientCredentials(String clientId, String secret) {
        return request().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/oauth/access_token");
    }

    /** seed 004: {@code grant_type=implicit&client_id=…}. */
    Response implicit(String clientId) {
        return request().contentType(ContentType.URLENC).formParam("grant_type", "implicit")
                .formParam("client_id", clientId).post("/oauth/access_token");
    }

    String implicitToken() {
        return implicit(STORE).then().statusCode(200).extract().path("access_token");
    }

    /** POST /v2/customers/tokens with the bearer and seed 004's body. */
    Response customerToken(String bearer, String email, String password) {
        return request().auth().oauth2(bearer).contentType(ContentType.JSON)
                .body("{\"data\":{\"type\":\"token\",\"email\":\"" + email + "\",\"password\":\"" + password
                        + "\",\"authentication_mechanism\":\"password\"}}")
                .post("/v2/customers/tokens");
    }

    /** A JSON:API error document with one error object of exactly {@code status}, {@code title}, {@code detail}. */
    static void assertJsonApiError(Response response, int status, String title) {
        response.then().statusCode(status).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("errors.size()", equalTo(1))
                .body("errors[0].status", equalTo(Integer.toString(status)))
                .body("errors[0].title", equalTo(title))
                .body("errors[0].detail", not(emptyOrNullString()));
        Map<?, ?> document = response.as(Map.class);
        assertEquals(List.of("errors"), List.copyOf(document.keySet()));
        Map<?, ?> error = (Map<?, ?>) ((List<?>) document.get("errors")).get(0);
        assertEquals(List.of("status", "title", "detail"), List.copyOf(error.keySet()));
    }

    String issuer() {
        return "http://localhost:8081/auth/realms/" + slug;
    }

    /**
     * The token's claims, after Nimbus (a JWT library independent of the service) verified its signature against the
     * JWKS the service serves for the tenant, its issuer, audience and expiry.
     */
    JWTClaimsSet verify(String token) throws Exception {
        String jwks = given().get("/auth/realms/" + slug + "/protocol/openid-connect/certs").then().statusCode(200)
                .extract().asString();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(com.nimbusds.jose.JWSAlgorithm.RS256, com.nimbusds.jose.JWSAlgorithm.ES256),
                new ImmutableJWKSet<>(JWKSet.parse(jwks))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(issuer(),
                new JWTClaimsSet.Builder().issuer(issuer()).build(), Set.of("sub", "exp", "iat", "jti", "client_id")));
        return processor.process(token, null);
    }
}
