package dev.tollgate.adapters.rest.authorize;

import dev.tollgate.adapters.rest.common.RequestSources;
import dev.tollgate.adapters.rest.common.FormBody;
import dev.tollgate.application.authorization.AuthorizationAnswer;
import dev.tollgate.application.authorization.AuthorizationParameters;
import dev.tollgate.application.authorization.CodeAuthorization;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * The authorization endpoint over HTTP, shared by {@code /oauth/authorize} and the realm's
 * {@code .../protocol/openid-connect/auth}: the request comes as a query (GET), a form or, as seed 003 sends it, a
 * multipart form (POST); the login page posts its form back to the same path with a CSRF field.
 */
@ApplicationScoped
public class AuthorizationEndpoint {

    /** Fields of the login form that are not parameters of the authorization request. */
    private static final Set<String> LOGIN_FIELDS = Set.of("csrf_token", "username", "password", "action", "email");
    private static final int MAX_BODY_BYTES = 32 * 1024;

    private final CodeAuthorization authorization;
    private final AuthorizationPages pages;
    private final LoginCsrf csrf;
    private final RequestSources sources;

    public AuthorizationEndpoint(CodeAuthorization authorization, AuthorizationPages pages, LoginCsrf csrf,
            RequestSources sources) {
        this.authorization = authorization;
        this.pages = pages;
        this.csrf = csrf;
        this.sources = sources;
    }

    public Response get(Outcome<Tenant> tenant, UriInfo uri) {
        Collected collected = new Collected();
        uri.getQueryParameters().forEach(collected::add);
        return answer(tenant, uri, false, t -> authorization.authorize(t, collected.parameters()));
    }

    /** A urlencoded POST: an authorization request, or the login form when it carries the CSRF field. */
    public Response post(Outcome<Tenant> tenant, String contentType, byte[] body, String csrfCookie, UriInfo uri) {
        if (!mediaType(contentType).equals("application/x-www-form-urlencoded")) {
            return pages.errorPage(415, "The request must be a form (application/x-www-form-urlencoded or multipart/form-data)");
        }
        if (body != null && body.length > MAX_BODY_BYTES) {
            return pages.errorPage(413, "The request is too large");
        }
        List<FormBody.Pair> pairs;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
            pairs = FormBody.parse(text);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return pages.errorPage(400, "The request is not a well-formed form");
        }
        Collected collected = new Collected();
        for (FormBody.Pair pair : pairs) {
            collected.add(pair.name(), List.of(pair.value()));
        }
        if (!collected.values.containsKey("csrf_token")) {
            return answer(tenant, uri, true, t -> authorization.authorize(t, collected.parameters()));
        }
        return signIn(tenant, uri, collected.values, collected.repeated, csrfCookie);
    }

    /** Seed 003's {@code curl --form}: an authorization request as multipart form data; files are not parameters. */
    public Response postMultipart(Outcome<Tenant> tenant, MultipartFormDataInput input, UriInfo uri) {
        Collected collected = new Collected();
        for (Map.Entry<String, Collection<FormValue>> field : input.getValues().entrySet()) {
            if (field.getValue().stream().anyMatch(FormValue::isFileItem)) {
                return pages.errorPage(400, "The request must not carry files");
            }
            collected.add(field.getKey(), field.getValue().stream().map(FormValue::getValue).toList());
        }
        // the login form is not accepted as multipart: its CSRF field is ignored here
        collected.values.remove("csrf_token");
        return answer(tenant, uri, true, t -> authorization.authorize(t, collected.parameters()));
    }

    private Response signIn(Outcome<Tenant> tenant, UriInfo uri, Map<String, String> form, Set<String> repeated,
            String csrfCookie) {
        Map<String, String> values = new HashMap<>(form);
        values.keySet().removeAll(LOGIN_FIELDS);
        Set<String> repeatedRequest = new HashSet<>(repeated);
        repeatedRequest.removeAll(LOGIN_FIELDS);
        AuthorizationParameters parameters = new AuthorizationParameters(values, repeatedRequest);
        if (!(tenant instanceof Outcome.Success<Tenant> found)) {
            return pages.errorPage(404, "Unknown tenant");
        }
        Tenant t = found.value();
        if (!csrf.matches(csrfCookie, form.get("csrf_token")) || repeated.contains("csrf_token")) {
            // act on nothing; show the form again (with a fresh token) if the request itself is fine
            AuthorizationAnswer answer = authorization.authorize(t, parameters);
            return answer instanceof AuthorizationAnswer.SignIn signIn
                    ? pages.expired(t, signIn.request(), uri.getPath())
                    : pages.errorPage(403, "This sign-in form has expired. Go back to the application and start again.");
        }
        AuthorizationAnswer answer = "cancel".equals(form.get("action"))
                ? authorization.cancel(t, parameters)
                : authorization.signIn(t, parameters, form.getOrDefault("username", ""),
                        form.getOrDefault("password", ""), sources.current());
        return pages.render(t, answer, uri.getPath(), true);
    }

    private interface Work {
        AuthorizationAnswer on(Tenant tenant);
    }

    private Response answer(Outcome<Tenant> tenant, UriInfo uri, boolean post, Work work) {
        return switch (tenant) {
            case Outcome.Success<Tenant> found -> pages.render(found.value(), work.on(found.value()), uri.getPath(), post);
            case Outcome.Failure<Tenant> failure -> pages.errorPage(404, "Unknown tenant");
        };
    }

    /** Collects parameters as RFC 6749 §3.1 reads them: empty values count as absent, a name sent twice is noted. */
    private static final class Collected {
        final Map<String, String> values = new HashMap<>();
        final Set<String> repeated = new HashSet<>();
        private final Set<String> seen = new HashSet<>();

        void add(String name, List<String> list) {
            if (list.size() > 1 || !seen.add(name)) {
                repeated.add(name);
            }
            list.stream().filter(v -> v != null && !v.isEmpty()).findFirst().ifPresent(v -> values.putIfAbsent(name, v));
        }

        AuthorizationParameters parameters() {
            return new AuthorizationParameters(values, repeated);
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
