package dev.tollgate.bootstrap.security;

import static io.restassured.RestAssured.given;

import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.TestClock;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A tenant of its own for the attack tests, set up through the admin API as an operator would: reached by its Host,
 * with a store client (client_credentials and implicit, as Moltin stores use it), a resource server that may
 * introspect, and a customer.
 */
record AttackStage(String slug, String host, String storeSecret, String resourceServerSecret, String customerId) {

    static final String STORE = "store";
    static final String RESOURCE_SERVER = "orders-api";
    static final String CUSTOMER_EMAIL = "customer@attacks.example";
    static final String CUSTOMER_PASSWORD = "Sh0pping-cart-pass-for-attack-tests";

    static AttackStage create(String slug) {
        String operator = AdminTokens.operator();
        String host = slug + ".attacks.test";
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"domains\":[\"" + host + "\"]}")
                .post("/admin/tenants").then().statusCode(201);
        String store = client(slug, "{\"client_id\":\"" + STORE + "\",\"name\":\"Store\","
                + "\"grant_types\":[\"client_credentials\",\"implicit\"],\"scopes\":[\"catalog:read\",\"orders:read\"]}");
        String resourceServer = client(slug, "{\"client_id\":\"" + RESOURCE_SERVER + "\",\"name\":\"Orders API\","
                + "\"grant_types\":[\"client_credentials\"]}");
        String customer = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"email\":\"" + CUSTOMER_EMAIL + "\",\"username\":\"customer\",\"password\":\""
                        + CUSTOMER_PASSWORD + "\"}")
                .post("/admin/tenants/" + slug + "/users").then().statusCode(201).extract().path("id");
        return new AttackStage(slug, host, store, resourceServer, customer);
    }

    /** Registers a client of {@code slug} through the admin API; returns its secret (null for a public client). */
    static String client(String slug, String json) {
        return given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON).body(json)
                .post("/admin/tenants/" + slug + "/clients").then().statusCode(201).extract().path("client_secret");
    }

    RequestSpecification request() {
        return given().header("Host", host);
    }

    /** A client_credentials token of the store, from the realm token endpoint. */
    String storeToken() {
        return AdminTokens.token(slug, STORE, storeSecret);
    }

    String realmPath() {
        return "/auth/realms/" + slug + "/protocol/openid-connect";
    }

    /** RFC 7662 at the Storefront path, the resource server authenticating with HTTP Basic. */
    Response introspect(String token) {
        return request().auth().preemptive().basic(RESOURCE_SERVER, resourceServerSecret)
                .formParam("token", token).post("/oauth/introspect");
    }

    /** RFC 7662 at the realm path. */
    Response introspectAtRealm(String token) {
        return given().auth().preemptive().basic(RESOURCE_SERVER, resourceServerSecret)
                .formParam("token", token).post(realmPath() + "/token/introspect");
    }

    /** Seed 004's customer token request with {@code bearer} as the store's token. */
    Response customerToken(String bearer) {
        return request().auth().oauth2(bearer).contentType(ContentType.JSON)
                .body("{\"data\":{\"type\":\"token\",\"email\":\"" + CUSTOMER_EMAIL + "\",\"password\":\""
                        + CUSTOMER_PASSWORD + "\",\"authentication_mechanism\":\"password\"}}")
                .post("/v2/customers/tokens");
    }

    /** The tenant as the service sees it. */
    static Tenant tenant(String slug) {
        Outcome<Tenant> tenant = Arc.container().instance(TenantDirectory.class).get().bySlug(slug);
        return ((Outcome.Success<Tenant>) tenant).value();
    }

    /** The tenant's active signing key, private half included: lets a test sign exactly what the service would. */
    static SigningKey activeKey(String slug) {
        return Arc.container().instance(SigningKeys.class).get().activeKey(tenant(slug));
    }

    /** The service's clock (TestClock): other tests move it forward. */
    static Instant serviceNow() {
        return Arc.container().instance(TestClock.class).get().instant();
    }

    static String publicUrl() {
        return ConfigProvider.getConfig().getValue("tollgate.public-url", String.class).replaceAll("/$", "");
    }

    static String issuer(String slug) {
        return publicUrl() + "/auth/realms/" + slug;
    }
}
