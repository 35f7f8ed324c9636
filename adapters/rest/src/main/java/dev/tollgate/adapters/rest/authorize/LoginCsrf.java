package dev.tollgate.adapters.rest.authorize;

import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.application.tenant.ServiceSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * CSRF protection of the login form: a random value in an HttpOnly, SameSite=Strict cookie, and in the form its
 * keyed digest (the service's secret key), so that a cookie planted from a sibling domain is useless without the
 * matching field. Not the quarkus-rest-csrf extension: it checks every form POST of the application, and the token
 * endpoints take form POSTs from servers that have no cookie.
 */
@ApplicationScoped
public class LoginCsrf {

    public static final String COOKIE = "tollgate_login_csrf";
    private static final String PURPOSE = "login-csrf:";

    /** A cookie value and the form field that goes with it. */
    public record Pair(NewCookie cookie, String field) {
        @Override
        public String toString() {
            return "LoginCsrf.Pair";
        }
    }

    private final SecretDigester digester;
    private final RandomValues random;
    private final boolean secureCookies;

    public LoginCsrf(SecretDigester digester, RandomValues random, ServiceSettings settings) {
        this.digester = digester;
        this.random = random;
        this.secureCookies = "https".equalsIgnoreCase(settings.publicUrl().getScheme());
    }

    public Pair issue(String path) {
        String value = random.newSecret();
        NewCookie cookie = new NewCookie.Builder(COOKIE)
                .value(value)
                .path(path)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(1800)
                .build();
        return new Pair(cookie, digester.digest(PURPOSE + value));
    }

    public boolean matches(String cookieValue, String field) {
        if (cookieValue == null || field == null || cookieValue.length() > 200 || field.length() > 200) {
            return false;
        }
        return digester.matches(PURPOSE + cookieValue, field);
    }
}
