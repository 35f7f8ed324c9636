package dev.tollgate.bootstrap.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's rules over HTTP: no session, no page; a wrong secret or a client without {@code clients:manage} gets
 * no session; no change without the session's CSRF token; the secret only in the answer to the POST that issued
 * it; the headers of a page that shows secrets.
 */
@QuarkusTest
class ConsoleRulesTest {

    static final String ADMIN_SECRET = "console-rules-admin-secret-0123456789abcdef";
    static final String PLAIN_SECRET = "console-rules-plain-secret-0123456789abcdef";
    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([^<]+)<");

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        var tenant = fixtures.tenant("console-rules", SigningAlgorithm.RS256, List.of());
        fixtures.clientWithSecret(tenant, "rules-admin", Scope.of("clients:manage"), ADMIN_SECRET);
        fixtures.clientWithSecret(tenant, "rules-plain", Scope.of("orders:read"), PLAIN_SECRET);
        fixtures.tenant("console-other", SigningAlgorithm.RS256, List.of());
    }

    private static final Pattern VERSION = Pattern.compile("name=\"secret_version\" value=\"([^\"]+)\"");

    static String versionOf(Response page) {
        Matcher matcher = VERSION.matcher(page.asString());
        assertTrue(matcher.find(), page::asString);
        return matcher.group(1);
    }

    static String secretOf(Response page) {
        Matcher matcher = SECRET.matcher(page.asString());
        assertTrue(matcher.find(), page::asString);
        return matcher.group(1);
    }

    @Test
    void withoutASessionEveryPageSendsToTheSignIn() {
        for (String path : List.of("/console", "/console/console-rules/clients", "/console/console-rules/new-client",
                "/console/console-rules/clients/rules-plain", "/console/console-rules/usage",
                "/console/console-rules/clients/rules-plain/delete")) {
            given().redirects().follow(false).get(path)
                    .then().statusCode(303).header("Location", endsWith("/console/sign-in"));
        }
        given().redirects().follow(false).formParam("name", "x").post("/console/console-rules/clients")
                .then().statusCode(303).header("Location", endsWith("/console/sign-in"));
        // a forged or altered cookie is no session
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, "Y29uc29sZS1ydWxlcw.cnVsZXMtYWRtaW4.aes-gcm:v1:AAAA")
                .get("/console/console-rules/clients")
                .then().statusCode(303).header("Location", endsWith("/console/sign-in"));
        String real = ConsoleSession.of("console-rules", "rules-admin", ADMIN_SECRET).cookie();
        String altered = real.substring(0, real.length() - 2) + (real.endsWith("A") ? "BB" : "AA");
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, altered).get("/console/console-rules/clients")
                .then().statusCode(303);
    }

    @Test
    void aWrongSecretIsAnErrorPageAndNoSession() {
        Response refused = ConsoleSession.signIn("console-rules", "rules-admin", "not-the-secret");
        refused.then().statusCode(401).contentType(startsWith("text/html"))
                .body(containsString("Invalid tenant, client ID or client secret."))
                .body(not(containsString("not-the-secret")));
        assertEquals(null, refused.cookie(ConsoleSession.COOKIE));
        // an unknown tenant reads the same
        ConsoleSession.signIn("no-such-tenant", "rules-admin", ADMIN_SECRET).then().statusCode(401)
                .body(containsString("Invalid tenant, client ID or client secret."));
    }

    @Test
    void aClientWithoutClientsManageIsRefused() {
        Response refused = ConsoleSession.signIn("console-rules", "rules-plain", PLAIN_SECRET);
        refused.then().statusCode(403).contentType(startsWith("text/html")).body(containsString("clients:manage"));
        assertEquals(null, refused.cookie(ConsoleSession.COOKIE));
    }

    @Test
    void aSignInWithoutItsCsrfTokenIsRefused() {
        String[] form = ConsoleSession.signInForm();
        given().redirects().follow(false).formParam("tenant", "console-rules").formParam("client_id", "rules-admin")
                .formParam("client_secret", ADMIN_SECRET).formParam("csrf", form[1])
                .post("/console/sign-in").then().statusCode(403).body(containsString("expired"));
        given().redirects().follow(false).cookie("tollgate_login_csrf", form[0]).formParam("tenant", "console-rules")
                .formParam("client_id", "rules-admin").formParam("client_secret", ADMIN_SECRET)
                .post("/console/sign-in").then().statusCode(403);
    }

    @Test
    void changesWithoutTheSessionsCsrfTokenAreRefusedAndChangeNothing() {
        ConsoleSession session = ConsoleSession.of("console-rules", "rules-admin", ADMIN_SECRET);
        ConsoleSession forged = new ConsoleSession(session.cookie(), "forged");
        forged.post("/console/console-rules/clients", "client_id", "csrf-victim", "name", "Victim")
                .then().statusCode(403).body(containsString("expired"));
        session.get("/console/console-rules/clients/csrf-victim").then().statusCode(404);
        forged.post("/console/console-rules/clients/rules-plain/disable").then().statusCode(403);
        forged.post("/console/console-rules/clients/rules-plain/delete").then().statusCode(403);
        forged.post("/console/console-rules/clients/rules-plain/secret").then().statusCode(403);
        // the CSRF token of another session does not fit either
        ConsoleSession other = ConsoleSession.of("console-rules", "rules-admin", ADMIN_SECRET);
        new ConsoleSession(session.cookie(), other.csrf())
                .post("/console/console-rules/clients/rules-plain/disable").then().statusCode(403);
        session.get("/console/console-rules/clients/rules-plain").then().statusCode(200)
                .body(containsString("<dd id=\"status\">enabled</dd>"));
        given().auth().preemptive().basic("rules-plain", PLAIN_SECRET).formParam("grant_type", "client_credentials")
                .post("/auth/realms/console-rules/protocol/openid-connect/token").then().statusCode(200);
    }

    @Test
    void theSecretIsInTheAnswerToThePostAndInNoGet() {
        ConsoleSession session = ConsoleSession.of("console-rules", "rules-admin", ADMIN_SECRET);
        Response created = session.post("/console/console-rules/clients", "client_id", "rules-new", "name",
                "Rules <new>", "scopes", "orders:read orders:write", "access_token_ttl", "600");
        created.then().statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("Rules &lt;new&gt;")).body(containsString("shown only this once"));
        String secret = secretOf(created);
        given().formParam("grant_type", "client_credentials").formParam("client_id", "rules-new")
                .formParam("client_secret", secret).post("/auth/realms/console-rules/protocol/openid-connect/token")
                .then().statusCode(200).body("scope", equalTo("orders:read orders:write")).body("expires_in", equalTo(600));
        for (String path : List.of("/console/console-rules/clients", "/console/console-rules/clients/rules-new",
                "/console/console-rules/new-client", "/console/console-rules/clients/rules-new/delete")) {
            String html = session.get(path).then().statusCode(200).extract().asString();
            assertFalse(html.contains(secret), path);
            assertFalse(html.contains("id=\"secret\""), path);
        }
        // the same form again (a reload of the POST): the client_id exists, no second client, no secret
        Response again = session.post("/console/console-rules/clients", "client_id", "rules-new", "name", "Rules");
        again.then().statusCode(409);
        assertFalse(again.asString().contains("id=\"secret\""));

        String version = versionOf(session.get("/console/console-rules/clients/rules-new"));
        Response rotated = session.post("/console/console-rules/clients/rules-new/secret", "grace_seconds", "0",
                "secret_version", version);
        rotated.then().statusCode(200).header("Cache-Control", "no-store");
        String newSecret = secretOf(rotated);
        assertFalse(newSecret.equals(secret));
        assertFalse(session.get("/console/console-rules/clients/rules-new").asString().contains(newSecret));
        // the same rotation form again (a reload): refused, the secret just shown keeps working
        Response again2 = session.post("/console/console-rules/clients/rules-new/secret", "grace_seconds", "0",
                "secret_version", version);
        again2.then().statusCode(409).body(containsString("rotated since this form was shown"));
        assertFalse(again2.asString().contains("id=\"secret\""));
        given().formParam("grant_type", "client_credentials").formParam("client_id", "rules-new")
                .formParam("client_secret", newSecret).post("/auth/realms/console-rules/protocol/openid-connect/token")
                .then().statusCode(200);
    }

    @Test
    void everyPageHasTheHeadersOfAPageWithSecrets() {
        ConsoleSession session = ConsoleSession.of("console-rules", "rules-admin", ADMIN_SECRET);
        for (Response page : List.of(given().get("/console/sign-in"), session.get("/console/console-rules/clients"),
                session.post("/console/console-rules/clients", "name", "Headers"))) {
            page.then().contentType(startsWith("text/html"))
                    .header("Cache-Control", "no-store")
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", matchesPattern(
                            "default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+'; "
                                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"));
        }
        String setCookie = ConsoleSession.signIn("console-rules", "rules-admin", ADMIN_SECRET).header("Set-Cookie");
        assertTrue(setCookie.startsWith(ConsoleSession.COOKIE + "="), setCookie);
        for (String attribute : List.of("Path=/console", "HttpOnly", "SameSite=Strict", "Max-Age=1800")) {
            assertTrue(setCookie.contains(attribute), setCookie);
        }
        assertFalse(setCookie.contains(ADMIN_SECRET), "the cookie never holds the secret");
    }

    @Test
    void requestsTheConsoleCannotReadAreConsolePagesToo() {
        given().redirects().follow(false).contentType("application/json").body("{\"tenant\":\"console-rules\"}")
                .post("/console/sign-in")
                .then().statusCode(415).contentType(startsWith("text/html")).header("Cache-Control", "no-store")
                .body(containsString("id=\"message\""));
        ConsoleSession session = ConsoleSession.of("console-rules", "rules-admin", ADMIN_SECRET);
        given().redirects().follow(false).cookie(ConsoleSession.COOKIE, session.cookie()).contentType("text/plain")
                .body("name=x").post("/console/console-rules/clients")
                .then().statusCode(415).contentType(startsWith("text/html"));
        session.get("/console/console-rules/no-such-page").then().statusCode(404)
                .contentType(startsWith("text/html"));
    }

    @Test
    void theConsoleIsNotInTheOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/admin/tenants/{tenant}/clients")).body(not(containsString("/console")));
    }

    @Test
    void aTenantsAdminReachesNoOtherTenantAndTheUsageReportNeedsItsScope() {
        ConsoleSession session = ConsoleSession.of("console-rules", "rules-admin", ADMIN_SECRET);
        session.get("/console/console-other/clients").then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("another tenant"));
        session.post("/console/console-other/clients", "name", "Intruder").then().statusCode(403);
        // rules-admin lacks deprecations:manage
        session.get("/console/console-rules/usage").then().statusCode(403).body(containsString("deprecations:manage"));
        session.get("/console/console-rules/clients/no-such-client").then().statusCode(404)
                .contentType(startsWith("text/html"));
    }

    @Test
    void signOutEndsTheSessionInTheBrowserAndAClientThatLosesItsRightsIsSignedOut() {
        ConsoleSession session = ConsoleSession.of("console-rules", "rules-admin", ADMIN_SECRET);
        Response out = session.post("/console/sign-out");
        out.then().statusCode(303).header("Location", endsWith("/console/sign-in"));
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));

        // disabling the client the admin signed in with ends its session on the next click
        var tenant = fixtures.tenant("console-rules", SigningAlgorithm.RS256, List.of());
        fixtures.clientWithSecret(tenant, "rules-admin-2", Scope.of("clients:manage"), ADMIN_SECRET);
        ConsoleSession second = ConsoleSession.of("console-rules", "rules-admin-2", ADMIN_SECRET);
        second.post("/console/console-rules/clients/rules-admin-2/disable").then().statusCode(303);
        second.get("/console/console-rules/clients").then().statusCode(303)
                .header("Location", endsWith("/console/sign-in"));
    }
}
