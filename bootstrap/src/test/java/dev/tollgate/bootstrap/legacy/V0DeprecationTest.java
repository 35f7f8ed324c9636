package dev.tollgate.bootstrap.legacy;

import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.PASSWORD;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.assertV0Error;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.login;
import static dev.tollgate.bootstrap.legacy.V0TokenApiTest.refresh;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.bootstrap.support.TestClock;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retiring the Token API v0 as an admin does it: the policy read and changed through the admin API, brownouts and a
 * sunset decided by the (test) clock, the headers of every response, and the migration report after a burst of
 * calls, all against PostgreSQL.
 */
@QuarkusTest
class V0DeprecationTest {

    static final String GUIDE = "http://localhost:8081/docs/migration-v0";
    /** RFC 9110 IMF-fixdate, written out here independently of the service's formatter. */
    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    V0Stage stage(String slug) {
        return V0Stage.create(fixtures, slug, SigningAlgorithm.RS256, List.of("admin"));
    }

    /** A token of the tenant's own administrators, with the deprecation scope only. */
    String tenantAdmin(Tenant tenant) {
        var client = fixtures.confidentialClient(tenant, "deprecation-admin", Scope.of("deprecations:manage"));
        return AdminTokens.token(tenant.slug().value(), client.client().clientId(), client.secret());
    }

    static Response put(String token, String tenant, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .put("/admin/tenants/" + tenant + "/deprecations");
    }

    @Test
    void theServiceWidePolicyShowsUntilATenantHasItsOwn() {
        V0Stage stage = stage("dep-view");
        given().auth().oauth2(AdminTokens.operator()).get("/admin/tenants/dep-view/deprecations").then().statusCode(200)
                .body("tenant", equalTo("dep-view"))
                .body("surfaces.surface", equalTo(List.of("v0_token", "v0_refresh", "password_grant", "implicit")))
                .body("surfaces[0].deprecated_at", equalTo("2024-01-08T00:00:00Z"))
                .body("surfaces[0].sunset_at", nullValue())
                .body("surfaces[0].link", equalTo(GUIDE))
                .body("surfaces[0].brownouts", equalTo(List.of()))
                .body("surfaces[0].source", equalTo("default"))
                .body("surfaces[0].status", equalTo("deprecated"))
                .body("surfaces[0].replacement", equalTo("POST /auth/realms/dep-view/protocol/openid-connect/token (client credentials)"));
        login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(200).header("Sunset", nullValue());
    }

    @Test
    void aBrownoutRefusesWith410InTheV0ShapeUntilItEnds() {
        V0Stage stage = stage("dep-brownout");
        V0Stage neighbour = stage("dep-neighbour");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String admin = tenantAdmin(stage.tenant());
        put(admin, "dep-brownout", """
                {"surfaces":[{"surface":"v0_token","brownouts":[{"start":"%s","end":"%s"}]}]}
                """.formatted(now.minusSeconds(60), now.plus(Duration.ofMinutes(10))))
                .then().statusCode(200)
                .body("surfaces[0].source", equalTo("tenant"))
                .body("surfaces[0].status", equalTo("browned_out"))
                .body("surfaces[0].brownouts[0].end", equalTo(now.plus(Duration.ofMinutes(10)).toString()))
                .body("surfaces[1].source", equalTo("default"));

        String message = "This deprecated API is unavailable until " + now.plus(Duration.ofMinutes(10))
                + " (planned brownout). Use POST /auth/realms/dep-brownout/protocol/openid-connect/token (client "
                + "credentials) instead; see " + GUIDE;
        assertV0Error(login(stage.host(), stage.user().email(), PASSWORD), 410, message);
        // a wrong password is refused the same way: the brownout is decided before any credential is looked at
        assertV0Error(login(stage.host(), stage.user().email(), "wrong"), 410, message);

        // only the surface and the tenant it was scheduled for
        String refreshToken = login(neighbour.host(), neighbour.user().email(), PASSWORD)
                .then().statusCode(200).extract().path("refresh_token");
        refresh(neighbour.host(), refreshToken).then().statusCode(200);
        assertV0Error(refresh(stage.host(), "not-a-refresh-token"), 403, "Authentication failed");

        clock.advance(Duration.ofMinutes(11));
        login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(200);
        given().auth().oauth2(admin).get("/admin/tenants/dep-brownout/deprecations").then().statusCode(200)
                .body("surfaces[0].status", equalTo("deprecated"));
    }

    @Test
    void aSunsetIsAnnouncedOnEveryResponseAndRefusesAfterwards() {
        V0Stage stage = stage("dep-sunset");
        Instant sunset = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(30));
        put(tenantAdmin(stage.tenant()), "dep-sunset", """
                {"surfaces":[{"surface":"v0_token","sunset_at":"%1$s"},{"surface":"v0_refresh","sunset_at":"%1$s"}]}
                """.formatted(sunset)).then().statusCode(200).body("surfaces[0].sunset_at", equalTo(sunset.toString()));

        Response before = login(stage.host(), stage.user().email(), PASSWORD);
        before.then().statusCode(200)
                .header("Deprecation", equalTo("@1704672000"))
                .header("Sunset", equalTo(IMF_FIXDATE.format(sunset)))
                .header("Link", equalTo("<" + GUIDE + ">; rel=\"deprecation\"; type=\"text/html\", <" + GUIDE
                        + ">; rel=\"sunset\"; type=\"text/html\""));
        assertEquals(sunset, Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(before.header("Sunset"))));
        // errors carry the notice as well
        assertEquals(IMF_FIXDATE.format(sunset), login(stage.host(), "nobody", "x").header("Sunset"));

        clock.advance(Duration.ofMinutes(31));
        Response after = login(stage.host(), stage.user().email(), PASSWORD);
        assertV0Error(after, 410, "This API was retired on " + sunset + ". Use POST /auth/realms/dep-sunset/protocol/"
                + "openid-connect/token (client credentials) instead; see " + GUIDE);
        after.then().header("Sunset", equalTo(IMF_FIXDATE.format(sunset)));
        assertV0Error(refresh(stage.host(), before.path("refresh_token")), 410, after.<String>path("message"));
    }

    @Test
    void aTenantAdminMayMakeThePolicyStricterButOnlyTheOperatorMayRelaxIt() {
        V0Stage stage = stage("dep-relax");
        String own = tenantAdmin(stage.tenant());
        put(own, "dep-relax", """
                {"surfaces":[{"surface":"v0_token","deprecated_at":"2030-01-01T00:00:00Z"}]}
                """).then().statusCode(403).body("error", equalTo("insufficient_scope"))
                .body("error_description", containsString("v0_token deprecated_at is later"));
        login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(200)
                .header("Deprecation", equalTo("@1704672000"));

        // the operator postpones the deprecation of v0 for this tenant: no warning headers before that date
        put(AdminTokens.operator(), "dep-relax", """
                {"surfaces":[{"surface":"v0_token","deprecated_at":"2099-01-01T00:00:00Z"}]}
                """).then().statusCode(200).body("surfaces[0].status", equalTo("active"));
        login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(200)
                .header("Deprecation", nullValue()).header("Link", nullValue());

        // an empty list puts the tenant back on the service-wide policy
        put(AdminTokens.operator(), "dep-relax", "{\"surfaces\":[]}").then().statusCode(200)
                .body("surfaces[0].source", equalTo("default"));
        login(stage.host(), stage.user().email(), PASSWORD).then().header("Deprecation", equalTo("@1704672000"));
    }

    @Test
    void policyMistakesAre400sNamingTheField() {
        stage("dep-invalid");
        String admin = AdminTokens.operator();
        Map<String, String> cases = Map.of(
                "{}", "surfaces",
                "{\"surfaces\":[{\"surface\":\"v1_token\"}]}", "surfaces[0].surface",
                "{\"surfaces\":[{\"surface\":\"v0_token\"},{\"surface\":\"v0_token\"}]}", "surfaces[1].surface",
                "{\"surfaces\":[{\"surface\":\"v0_token\",\"sunset_at\":\"tomorrow\"}]}", "surfaces[0].sunset_at",
                "{\"surfaces\":[{\"surface\":\"v0_token\",\"sunset_at\":\"2020-01-01T00:00:00Z\"}]}",
                "surfaces[0].sunset_at",
                "{\"surfaces\":[{\"surface\":\"v0_token\",\"link\":\"javascript:alert(1)\"}]}", "surfaces[0].link",
                "{\"surfaces\":[{\"surface\":\"v0_token\",\"brownouts\":[{\"start\":\"2030-01-02T00:00:00Z\","
                        + "\"end\":\"2030-01-01T00:00:00Z\"}]}]}", "surfaces[0].brownouts[0].end",
                "{\"surfaces\":[{\"surface\":\"v0_token\",\"brownouts\":[{\"end\":\"2030-01-01T00:00:00Z\"}]}]}",
                "surfaces[0].brownouts[0].start",
                "{\"surfaces\":[{\"surface\":\"v0_token\",\"colour\":\"red\"}]}", "colour");
        cases.forEach((json, field) -> put(admin, "dep-invalid", json).then()
                .statusCode(400).body("error", equalTo("invalid_request")).body("field", equalTo(field)));
        put(admin, "dep-invalid", "{\"surfaces\":").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().get("/admin/tenants/dep-invalid/deprecations").then().statusCode(401);
        given().auth().oauth2(AdminTokens.operator()).get("/admin/tenants/dep-nowhere/deprecations").then().statusCode(404);
    }

    @Test
    void anotherTenantsAdminCannotReadOrChangeThePolicy() {
        stage("dep-own");
        V0Stage other = stage("dep-other");
        String foreign = tenantAdmin(other.tenant());
        given().auth().oauth2(foreign).get("/admin/tenants/dep-own/deprecations").then().statusCode(403);
        put(foreign, "dep-own", "{\"surfaces\":[]}").then().statusCode(403);
        given().auth().oauth2(foreign).get("/admin/tenants/dep-own/deprecations/usage").then().statusCode(403);
    }

    @Test
    void theMigrationReportCountsABurstPerCallerWithoutAWritePerCall() throws Exception {
        V0Stage stage = stage("dep-report");
        String admin = tenantAdmin(stage.tenant());
        for (int i = 0; i < 5; i++) {
            login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(200);
        }
        login(stage.host(), stage.user().email(), "wrong-password").then().statusCode(403);
        login(stage.host(), "someone-else@dep-report.test", "wrong-password").then().statusCode(403);
        String refreshToken = login(stage.host(), stage.user().username(), PASSWORD).path("refresh_token");
        for (int i = 0; i < 3; i++) {
            refresh(stage.host(), refreshToken).then().statusCode(200);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        put(admin, "dep-report", """
                {"surfaces":[{"surface":"v0_token","brownouts":[{"start":"%s","end":"%s"}]}]}
                """.formatted(now.minusSeconds(1), now.plusSeconds(600))).then().statusCode(200);
        login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(410);
        login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(410);

        assertEquals(0, storedTallies(stage.tenant()), "counted in memory: no database write on the request path");

        Response report = given().auth().oauth2(admin).get("/admin/tenants/dep-report/deprecations/usage");
        report.then().statusCode(200)
                .body("items.surface", equalTo(List.of("v0_token", "v0_refresh", "v0_token")))
                .body("items.client_id", equalTo(List.of("legacy-v0", "legacy-v0", "legacy-v0")))
                .body("items.user_id", equalTo(java.util.Arrays.asList(
                        stage.user().id().toString(), stage.user().id().toString(), null)))
                .body("items[0].email", equalTo(stage.user().email()))
                .body("items[0].username", equalTo(stage.user().username()))
                .body("items[0].calls", equalTo(8))
                .body("items[0].refusals", equalTo(2))
                .body("items[1].calls", equalTo(3))
                .body("items[1].refusals", equalTo(0))
                .body("items[2].calls", equalTo(2))
                .body("items[2].email", nullValue());
        List<String> lastSeen = report.path("items.last_seen");
        assertTrue(Instant.parse(lastSeen.get(0)).isAfter(Instant.parse(lastSeen.get(1))), lastSeen.toString());
        assertTrue(Instant.parse(lastSeen.get(1)).isAfter(Instant.parse(lastSeen.get(2))), lastSeen.toString());
        assertTrue(!Instant.parse(report.path("items[0].first_seen")).isAfter(Instant.parse(lastSeen.get(0))));
        assertEquals(3, storedTallies(stage.tenant()), "the report wrote what was pending");

        // more calls add to the stored tallies instead of replacing them
        login(stage.host(), stage.user().email(), PASSWORD).then().statusCode(410);
        given().auth().oauth2(admin).get("/admin/tenants/dep-report/deprecations/usage?limit=1").then()
                .statusCode(200).body("items[0].calls", equalTo(9)).body("items[0].refusals", equalTo(3))
                .body("next_offset", equalTo(1));
        given().auth().oauth2(admin).get("/admin/tenants/dep-report/deprecations/usage?limit=0").then()
                .statusCode(400).body("field", equalTo("limit"));
    }

    private long storedTallies(Tenant tenant) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from legacy_usage where tenant_id = ?")) {
            statement.setObject(1, tenant.id());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
