package dev.tollgate.bootstrap.support;

import static io.restassured.RestAssured.given;

/** Bearer tokens for admin API calls in tests: the operator's (admin tenant) and any client's of a tenant. */
public final class AdminTokens {

    /** {@code %test.tollgate.bootstrap.admin-client-secret} */
    public static final String OPERATOR_SECRET = "admin-secret-for-tests-only-0123456789abcdef";

    private AdminTokens() {
    }

    /** A client credentials token of {@code clientId} (HTTP Basic) at the tenant's realm token endpoint. */
    public static String token(String tenant, String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/auth/realms/" + tenant + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The operator's token: the admin tenant's client, holding every admin scope for every tenant. */
    public static String operator() {
        return token("admin", "tollgate-admin", OPERATOR_SECRET);
    }
}
