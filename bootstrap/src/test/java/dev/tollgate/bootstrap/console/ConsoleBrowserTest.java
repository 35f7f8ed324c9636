package dev.tollgate.bootstrap.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.bootstrap.support.HeadlessChromium;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium): sign in, create a client and use its secret at the
 * realm token endpoint, reload and go back without seeing the secret again, rotate with and without grace, disable,
 * delete, read the legacy API usage report, sign out.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final String TENANT = "console-e2e";
    private static final String HOST = "console-e2e.v0.test";
    private static final String ADMIN_SECRET = "console-e2e-admin-secret-0123456789abcdef";
    private static final String USER_PASSWORD = "V3lC4EvMV1X5h3HsB_VU";

    @Inject
    Fixtures fixtures;

    private WebDriver browser;

    @BeforeEach
    void setUp() {
        Tenant tenant = fixtures.tenant(TENANT, SigningAlgorithm.RS256, List.of(HOST));
        fixtures.clientWithSecret(tenant, "e2e-admin", Scope.of("clients:manage", "deprecations:manage"), ADMIN_SECRET);
        fixtures.user(tenant, "integration@console-e2e.test", "integration-e2e", USER_PASSWORD, List.of("admin"));
        browser = HeadlessChromium.start(1280, 900);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private static int tokenStatus(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post("/auth/realms/" + TENANT + "/protocol/openid-connect/token").statusCode();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    private void click(By by) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(by).click();
        // wait for the next document: the old one's elements go stale
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    @Test
    void anAdminManagesAClientFromSignInToSignOut() {
        // two Token API v0 calls for the usage report
        for (int i = 0; i < 2; i++) {
            given().header("Host", HOST).formParam("grant_type", "password")
                    .formParam("username", "integration@console-e2e.test").formParam("password", USER_PASSWORD)
                    .post("/v0/token").then().statusCode(200);
        }

        browser.get(base() + "/console/" + TENANT + "/clients");
        waitFor(By.id("sign-in"));
        assertEquals("Sign in · Tollgate console", browser.getTitle());
        browser.findElement(By.id("tenant")).sendKeys(TENANT);
        browser.findElement(By.id("client_id")).sendKeys("e2e-admin");
        browser.findElement(By.id("client_secret")).sendKeys("wrong-secret");
        click(By.id("sign-in"));
        assertEquals("Invalid tenant, client ID or client secret.", waitFor(By.id("error")).getText());
        browser.findElement(By.id("client_secret")).sendKeys(ADMIN_SECRET);
        click(By.id("sign-in"));
        waitFor(By.id("clients"));
        assertEquals("Signed in as " + TENANT + " / e2e-admin", browser.findElement(By.id("who")).getText());
        assertTrue(browser.findElement(By.id("clients")).getText().contains("legacy-v0"));

        // create: the secret is on the answer to the POST, and works
        click(By.id("new-client"));
        waitFor(By.id("name")).sendKeys("ERP integration");
        browser.findElement(By.id("scopes")).sendKeys("orders:read");
        click(By.id("create"));
        String secret = waitFor(By.id("secret")).getText();
        String clientId = browser.findElement(By.id("client-id")).getText();
        assertTrue(browser.findElement(By.id("warning")).getText().contains("shown only this once"));
        assertTrue(browser.findElement(By.id("copy")).isDisplayed(), "the copy button, shown by its nonce'd script");
        assertTrue(secret.length() >= 32, secret);
        assertEquals(200, tokenStatus(clientId, secret));

        // reload (the browser resubmits the form: its client_id exists now) and back: never the secret again
        browser.navigate().refresh();
        acceptResubmissionIfAsked();
        waitFor(By.tagName("main"));
        assertFalse(browser.getPageSource().contains(secret), "reload");
        assertTrue(browser.findElement(By.id("error")).getText().contains("exists already"),
                browser.findElement(By.tagName("main")).getText());
        browser.navigate().back();
        waitFor(By.tagName("main"));
        assertFalse(browser.getPageSource().contains(secret), "back");
        assertTrue(browser.getCurrentUrl().endsWith("/new-client"), browser.getCurrentUrl());
        browser.get(base() + "/console/" + TENANT + "/clients/" + clientId);
        assertFalse(waitFor(By.id("client-id")).getText().isEmpty());
        assertFalse(browser.getPageSource().contains(secret), "the client's page");

        // rotate with 60 s of grace: both work; rotate again without grace: only the newest works
        WebElement grace = browser.findElement(By.id("grace_seconds"));
        grace.clear();
        grace.sendKeys("60");
        click(By.id("rotate"));
        String second = waitFor(By.id("secret")).getText();
        assertNotEquals(secret, second);
        assertEquals(200, tokenStatus(clientId, second));
        assertEquals(200, tokenStatus(clientId, secret), "within the grace period");
        // a reload sends the rotation form again: refused, no third secret, the one just shown keeps working
        browser.navigate().refresh();
        acceptResubmissionIfAsked();
        assertTrue(waitFor(By.id("message")).getText().contains("rotated since this form was shown"));
        assertFalse(browser.getPageSource().contains(second), "reload of the rotation");
        assertEquals(200, tokenStatus(clientId, second));
        browser.get(base() + "/console/" + TENANT + "/clients/" + clientId);
        grace = waitFor(By.id("grace_seconds"));
        grace.clear();
        grace.sendKeys("0");
        click(By.id("rotate"));
        String third = waitFor(By.id("secret")).getText();
        assertEquals(200, tokenStatus(clientId, third));
        assertEquals(401, tokenStatus(clientId, second));
        assertEquals(401, tokenStatus(clientId, secret));

        // disable, with a confirmation step
        click(By.id("done"));
        click(By.id("disable"));
        assertTrue(waitFor(By.id("consequence")).getText().contains("invalid_client"));
        click(By.id("confirm"));
        assertEquals("disabled", waitFor(By.id("status")).getText());
        assertEquals(401, tokenStatus(clientId, third));

        // delete, with a confirmation step
        click(By.id("delete"));
        waitFor(By.id("consequence"));
        click(By.id("confirm"));
        assertFalse(waitFor(By.id("clients")).getText().contains(clientId));
        assertEquals(401, tokenStatus(clientId, third));

        // the usage report lists the v0 calls made before
        click(By.id("nav-usage"));
        String report = waitFor(By.id("usage")).getText();
        assertTrue(report.contains("v0_token"), report);
        assertTrue(report.contains("legacy-v0"), report);
        assertTrue(report.contains("integration@console-e2e.test"), report);

        click(By.id("sign-out"));
        waitFor(By.id("sign-in"));
        browser.get(base() + "/console/" + TENANT + "/clients");
        waitFor(By.id("sign-in"));
    }

    /** Chromium asks before resubmitting a form on reload; headless it may or may not show the dialog. */
    private void acceptResubmissionIfAsked() {
        try {
            browser.switchTo().alert().accept();
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            // no dialog: the browser resubmitted (or showed its own page) on its own
        }
    }
}
