package dev.tollgate.adapters.rest.console;

import dev.tollgate.application.port.RandomValues;
import dev.tollgate.domain.admin.AdminError;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/**
 * Renders the console's pages with the headers of a page that handles secrets: never cached, never framed, no
 * referrer, no sniffing, and a CSP that allows only the page's own inline style and (on the secret page) script,
 * by nonce. Every page of a signed-in admin carries the session cookie again, so that its idle timeout slides.
 */
@ApplicationScoped
public class ConsolePages {

    private final Engine engine;
    private final RandomValues random;
    private final ConsoleSessions sessions;

    public ConsolePages(Engine engine, RandomValues random, ConsoleSessions sessions) {
        this.engine = engine;
        this.random = random;
        this.sessions = sessions;
    }

    /** A page of a signed-in admin: the layout shows who is signed in, the menu and the sign-out form. */
    public Response page(int status, String template, ConsoleSessions.Signed signed, String tenant,
            Map<String, Object> data) {
        TemplateInstance instance = instance(template, data)
                .data("signedIn", true)
                .data("who", signed.tenant().slug().value() + " / " + signed.clientId())
                .data("operator", signed.caller().isAdminTenant())
                .data("tenant", tenant)
                .data("csrf", sessions.csrfToken(signed));
        return render(Response.status(status).cookie(sessions.extend(signed)), instance);
    }

    /** A page without a session (sign-in, errors before it). */
    public Response anonymous(int status, String template, Map<String, Object> data, NewCookie... cookies) {
        TemplateInstance instance = instance(template, data).data("signedIn", false);
        return render(Response.status(status).cookie(cookies), instance);
    }

    /** A request refused or failed before a page could be chosen: the failure page, without the session. */
    public Response failure(int status, String message) {
        return anonymous(status, "console/failure.html", Map.of("message", message));
    }

    /** A refusal of an admin use case, as a page of the console. */
    public Response refused(AdminError error, ConsoleSessions.Signed signed, String tenant) {
        int status = switch (error) {
            case AdminError.Invalid invalid -> 400;
            case AdminError.Unauthenticated unauthenticated -> 401;
            case AdminError.Forbidden forbidden -> 403;
            case AdminError.NotFound notFound -> 404;
            case AdminError.Conflict conflict -> 409;
        };
        return error(status, error.message(), signed, tenant);
    }

    public Response error(int status, String message, ConsoleSessions.Signed signed, String tenant) {
        return page(status, "console/error.html", signed, tenant, Map.of("message", message));
    }

    /** After a form POST: the browser GETs the next page (POST-redirect-GET), with the session extended. */
    public Response seeOther(String path, NewCookie... cookies) {
        return Response.seeOther(URI.create(path)).cookie(cookies)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private TemplateInstance instance(String template, Map<String, Object> data) {
        TemplateInstance instance = engine.getTemplate(template).instance();
        data.forEach(instance::data);
        return instance;
    }

    private Response render(Response.ResponseBuilder builder, TemplateInstance instance) {
        String nonce = random.newTokenId();
        String html = instance.data("nonce", nonce).render();
        return builder.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce
                        + "'; script-src 'nonce-" + nonce + "'; frame-ancestors 'none'; base-uri 'none'; "
                        + "form-action 'self'")
                .entity(html)
                .build();
    }
}
