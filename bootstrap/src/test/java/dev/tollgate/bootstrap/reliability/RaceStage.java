package dev.tollgate.bootstrap.reliability;

import static io.restassured.RestAssured.given;

import dev.tollgate.bootstrap.support.AdminTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A tenant of its own for a race test, created through the admin API like an operator would, reached by its Host,
 * with one user.
 */
record RaceStage(String slug, String host, String email, String userId) {

    static final String PASSWORD = "Race-password-for-tests-0123";
    static final String REDIRECT = "https://app.example.com/callback";

    /** {@code profile}: {@code "storefront"} or {@code null} for the default one. */
    static RaceStage create(String slug, String profile) {
        String host = slug + ".reliability.test";
        admin().body("{\"slug\":\"" + slug + "\",\"domains\":[\"" + host + "\"]"
                + (profile == null ? "" : ",\"profile\":\"" + profile + "\"") + "}")
                .post("/admin/tenants").then().statusCode(201);
        String email = "racer@" + slug + ".test";
        String id = admin().body("{\"email\":\"" + email + "\",\"username\":\"racer\",\"name\":\"Racer\",\"password\":\""
                        + PASSWORD + "\"}")
                .post("/admin/tenants/" + slug + "/users").then().statusCode(201).extract().path("id");
        return new RaceStage(slug, host, email, id);
    }

    /** Registers a client; returns its secret (null for a public client). */
    String client(String json) {
        return admin().body(json).post("/admin/tenants/" + slug + "/clients").then().statusCode(201)
                .extract().path("client_secret");
    }

    Response patchTenant(String json) {
        return admin().body(json).patch("/admin/tenants/" + slug);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON);
    }
}
