package dev.tollgate.bootstrap.storefront;

import static io.restassured.RestAssured.given;

import dev.tollgate.bootstrap.support.AdminTokens;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Storefront-style tenant of its own (created with the {@code storefront} profile through the admin API, reached by
 * its Host), with a shopper, and clients registered the way an operator would.
 */
record StorefrontStage(String slug, String host, String shopperEmail, String shopperId) {

    static final String PASSWORD = "Sh0pper-password-for-tests";
    static final String REDIRECT = "https://app.example.com/callback";

    static StorefrontStage create(String slug) {
        String operator = AdminTokens.operator();
        String host = slug + ".storefront.test";
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + slug + "\",\"domains\":[\"" + host + "\"],\"profile\":\"storefront\"}")
                .post("/admin/tenants").then().statusCode(201);
        String email = "user@" + slug + ".run";
        String id = given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"username\":\"shopper\",\"name\":\"Shopper\",\"password\":\""
                        + PASSWORD + "\"}")
                .post("/admin/tenants/" + slug + "/users").then().statusCode(201).extract().path("id");
        return new StorefrontStage(slug, host, email, id);
    }

    /** Registers a client; returns its secret (null for a public client). */
    String client(String json) {
        return given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON).body(json)
                .post("/admin/tenants/" + slug + "/clients").then().statusCode(201).extract().path("client_secret");
    }

    /** A user of this tenant; returns its id. */
    String user(String email, String username, String password) {
        return given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON)
                .body("{\"email\":\"" + email + "\",\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .post("/admin/tenants/" + slug + "/users").then().statusCode(201).extract().path("id");
    }

    /** The query parameters of a redirect's Location. */
    static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
