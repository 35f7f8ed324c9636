package dev.tollgate.bootstrap.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.bootstrap.abuse.AbuseLimitsTest;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's sign-in goes through the token endpoint's client authentication, so the brute-force lockouts apply:
 * after the allowed failures even the right secret is refused, with the console's 429 page. Shares the small limits
 * (and the Quarkus start) of {@link AbuseLimitsTest}.
 */
@QuarkusTest
@TestProfile(AbuseLimitsTest.SmallLimits.class)
class ConsoleLockoutTest {

    private static final String SECRET = "console-lockout-admin-secret-0123456789abcdef";
    /** An address of its own (TEST-NET-3), so that the per-source counters of the abuse tests are not touched. */
    private static final String SOURCE = "203.0.113.45";

    @Inject
    Fixtures fixtures;

    private static Response signIn(String secret) {
        String[] form = ConsoleSession.signInForm();
        return given().redirects().follow(false).header("X-Forwarded-For", SOURCE)
                .cookie("tollgate_login_csrf", form[0]).formParam("csrf", form[1])
                .formParam("tenant", "console-lockout").formParam("client_id", "lockout-admin")
                .formParam("client_secret", secret).post("/console/sign-in");
    }

    @Test
    void repeatedWrongSecretsLockTheSignInWithA429Page() {
        var tenant = fixtures.tenant("console-lockout", SigningAlgorithm.RS256, List.of());
        fixtures.clientWithSecret(tenant, "lockout-admin", Scope.of("clients:manage"), SECRET);
        for (int i = 0; i < 3; i++) {
            signIn("wrong-" + i).then().statusCode(401);
        }
        Response locked = signIn(SECRET);
        locked.then().statusCode(429).contentType(startsWith("text/html"))
                .body(containsString("Too many failed sign-in attempts. Try again in"));
        assertEquals(null, locked.cookie(ConsoleSession.COOKIE));
        Integer.parseInt(locked.header("Retry-After"));
    }
}
