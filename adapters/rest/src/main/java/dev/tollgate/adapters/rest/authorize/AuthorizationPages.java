package dev.tollgate.adapters.rest.authorize;

import dev.tollgate.application.authorization.AuthorizationAnswer;
import dev.tollgate.application.authorization.AuthorizationRequest;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders what the authorization endpoint answers: the login page, the error page and redirects, each with the
 * headers a page that takes passwords needs (no caching, no framing, a CSP that allows only its own inline style).
 */
@ApplicationScoped
public class AuthorizationPages {

    /** A hidden field of the login form: the authorization request travels with the credentials. */
    @TemplateData
    public record Hidden(String name, String value) {
    }

    private final Template login;
    private final Template error;
    private final LoginCsrf csrf;
    private final RandomValues random;

    public AuthorizationPages(@Location("authorize/login.html") Template login,
            @Location("authorize/error.html") Template error, LoginCsrf csrf, RandomValues random) {
        this.login = login;
        this.error = error;
        this.csrf = csrf;
        this.random = random;
    }

    /** @param post whether the request was a form POST: the redirect is then a 303, so the browser GETs it */
    public Response render(Tenant tenant, AuthorizationAnswer answer, String path, boolean post) {
        return switch (answer) {
            case AuthorizationAnswer.ErrorPage page -> errorPage(400, page.message());
            case AuthorizationAnswer.Redirect redirect -> Response.status(post ? 303 : 302)
                    .location(redirect.location())
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .build();
            case AuthorizationAnswer.SignIn signIn when signIn.lockedFor().isPresent() -> {
                long seconds = Math.max(1, (signIn.lockedFor().get().toMillis() + 999) / 1000);
                Response page = loginPage(tenant, signIn.request(), path,
                        "Too many failed sign-in attempts. Try again in " + inWords(seconds) + ".", 429);
                page.getHeaders().putSingle("Retry-After", seconds);
                yield page;
            }
            case AuthorizationAnswer.SignIn signIn -> loginPage(tenant, signIn.request(), path,
                    signIn.failed() ? "Invalid email, username or password." : null, 200);
        };
    }

    private static String inWords(long seconds) {
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }

    /** The login page again, for a form whose CSRF check failed (expired or forged). */
    public Response expired(Tenant tenant, AuthorizationRequest request, String path) {
        return loginPage(tenant, request, path, "This sign-in form has expired. Please sign in again.", 403);
    }

    public Response errorPage(int status, String message) {
        String nonce = random.newTokenId();
        return page(Response.status(status), nonce,
                error.data("message", message).data("nonce", nonce).render());
    }

    private Response loginPage(Tenant tenant, AuthorizationRequest request, String path, String message, int status) {
        LoginCsrf.Pair pair = csrf.issue(path);
        String nonce = random.newTokenId();
        String html = login.data("tenantName", tenant.displayName())
                .data("clientName", request.client().name())
                .data("action", path)
                .data("hidden", hiddenFields(request))
                .data("csrf", pair.field())
                .data("message", message)
                .data("nonce", nonce)
                .render();
        return page(Response.status(status).cookie(pair.cookie()), nonce, html);
    }

    /** The request as validated, not as sent: only the parameters that matter travel on. */
    private static List<Hidden> hiddenFields(AuthorizationRequest request) {
        List<Hidden> fields = new ArrayList<>();
        fields.add(new Hidden("response_type", "code"));
        fields.add(new Hidden("client_id", request.client().clientId()));
        fields.add(new Hidden("redirect_uri", request.redirectUri().toString()));
        request.state().ifPresent(state -> fields.add(new Hidden("state", state)));
        if (!request.scope().isEmpty()) {
            fields.add(new Hidden("scope", request.scope().value()));
        }
        request.challenge().ifPresent(challenge -> {
            fields.add(new Hidden("code_challenge", challenge.value()));
            fields.add(new Hidden("code_challenge_method", "S256"));
        });
        return fields;
    }

    private static Response page(Response.ResponseBuilder builder, String nonce, String html) {
        return builder.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                // form-action is left out on purpose: Chrome applies it to the redirect after the POST too
                .header("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce
                        + "'; frame-ancestors 'none'; base-uri 'none'")
                .entity(html)
                .build();
    }
}
