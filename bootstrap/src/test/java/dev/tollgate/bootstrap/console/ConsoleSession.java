package dev.tollgate.bootstrap.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A console session driven over HTTP, as a browser would: the session cookie and the CSRF token of its forms. */
record ConsoleSession(String cookie, String csrf) {

    static final String COOKIE = "tollgate_console";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** The sign-in form: its CSRF cookie and field. */
    static String[] signInForm() {
        Response form = given().get("/console/sign-in");
        form.then().statusCode(200);
        return new String[] {form.cookie("tollgate_login_csrf"), csrfOf(form.asString())};
    }

    static Response signIn(String tenant, String clientId, String secret) {
        String[] form = signInForm();
        return given().redirects().follow(false).cookie("tollgate_login_csrf", form[0])
                .formParam("csrf", form[1]).formParam("tenant", tenant).formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post("/console/sign-in");
    }

    /** Signs in and reads the CSRF token of the session's forms from its first page. */
    static ConsoleSession of(String tenant, String clientId, String secret) {
        Response signedIn = signIn(tenant, clientId, secret);
        assertEquals(303, signedIn.statusCode(), signedIn::asString);
        String cookie = signedIn.cookie(COOKIE);
        assertNotNull(cookie);
        Response page = given().redirects().follow(false).cookie(COOKIE, cookie).get("/console/" + tenant + "/clients");
        assertEquals(200, page.statusCode(), page::asString);
        return new ConsoleSession(cookie, csrfOf(page.asString()));
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field in " + html);
        }
        return matcher.group(1);
    }

    Response get(String path) {
        return given().redirects().follow(false).cookie(COOKIE, cookie).get(path);
    }

    /** A form POST of this session with its CSRF token and {@code fields} (name, value, name, value, …). */
    Response post(String path, String... fields) {
        var request = given().redirects().follow(false).cookie(COOKIE, cookie).formParam("csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }

    @Override
    public String toString() {
        return "ConsoleSession";
    }
}
