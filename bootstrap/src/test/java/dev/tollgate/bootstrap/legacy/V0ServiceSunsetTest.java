package dev.tollgate.bootstrap.legacy;

import static dev.tollgate.bootstrap.legacy.V0DeprecationTest.GUIDE;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.PASSWORD;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.assertV0Error;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.login;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator has set a service-wide sunset that has passed: v0 is gone for every tenant except one that was given
 * a later sunset, which its own admins could not have granted themselves.
 */
@QuarkusTest
@TestProfile(V0ServiceSunsetTest.PastSunset.class)
class V0ServiceSunsetTest {

    public static class PastSunset implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tollgate.deprecation.v0-token.sunset-at", "2025-06-30T00:00:00Z",
                    "tollgate.deprecation.v0-refresh.sunset-at", "2025-06-30T00:00:00Z",
                    "tollgate.deprecation.v0-token.brownouts",
                    "2025-05-01T10:00:00Z/2025-05-01T11:00:00Z,2025-06-01T10:00:00Z/2025-06-01T12:00:00Z");
        }
    }

    /** The refusal names the caller's own realm token endpoint. */
    static String retired(String tenant) {
        return "This API was retired on 2025-06-30T00:00:00Z. Use POST /auth/realms/" + tenant
                + "/protocol/openid-connect/token (client credentials) instead; see " + GUIDE;
    }

    @Inject
    Fixtures fixtures;

    @Test
    void everyTenantIsRefusedAfterTheServiceWideSunset() {
        // the default tenant of the tests, reached from an unknown host
        assertV0Error(login("unknown.example", "someone@acme.test", PASSWORD), 410, retired("acme-staging"));
        login("unknown.example", "someone@acme.test", PASSWORD).then()
                .header("Sunset", equalTo("Mon, 30 Jun 2025 00:00:00 GMT"))
                .header("Link", containsString("rel=\"sunset\""));
        given().auth().oauth2(AdminTokens.operator()).get("/admin/tenants/acme-staging/deprecations").then().statusCode(200)
                .body("surfaces[0].status", equalTo("retired"))
                .body("surfaces[0].brownouts.start", equalTo(List.of("2025-05-01T10:00:00Z", "2025-06-01T10:00:00Z")));
    }

    @Test
    void theOperatorGrantsOneTenantALaterSunsetWhichItsOwnAdminsCannot() {
        Tenant tenant = fixtures.tenant("sunset-late", SigningAlgorithm.RS256, List.of("sunset-late.v0.test"));
        fixtures.user(tenant, "erp@sunset-late.test", "erp", PASSWORD, List.of());
        var own = fixtures.confidentialClient(tenant, "ops", Scope.of("deprecations:manage"));
        String ownToken = AdminTokens.token("sunset-late", "ops", own.secret());
        String later = """
                {"surfaces":[{"surface":"v0_token","sunset_at":"2099-12-31T00:00:00Z"}]}
                """;

        given().auth().oauth2(ownToken).contentType(ContentType.JSON).body(later)
                .put("/admin/tenants/sunset-late/deprecations").then().statusCode(403)
                .body("error_description", containsString("sunset_at is later than 2025-06-30T00:00:00Z"));
        assertV0Error(login("sunset-late.v0.test", "erp@sunset-late.test", PASSWORD), 410, retired("sunset-late"));

        given().auth().oauth2(AdminTokens.operator()).contentType(ContentType.JSON).body(later)
                .put("/admin/tenants/sunset-late/deprecations").then().statusCode(200)
                .body("surfaces[0].source", equalTo("tenant"))
                .body("surfaces[0].status", equalTo("deprecated"))
                .body("surfaces[1].source", equalTo("default"))
                .body("surfaces[1].status", equalTo("retired"));
        login("sunset-late.v0.test", "erp@sunset-late.test", PASSWORD).then().statusCode(200)
                .header("Sunset", equalTo("Thu, 31 Dec 2099 00:00:00 GMT"));
        // the refresh surface keeps the service-wide sunset: it was not part of the override
        assertV0Error(V0TokenApiTest.refresh("sunset-late.v0.test", "whatever"), 410, retired("sunset-late"));
    }
}
