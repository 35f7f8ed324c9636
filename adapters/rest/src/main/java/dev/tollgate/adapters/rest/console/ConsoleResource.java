package dev.tollgate.adapters.rest.console;

import dev.tollgate.adapters.rest.authorize.LoginCsrf;
import dev.tollgate.adapters.rest.common.RequestSources;
import dev.tollgate.application.admin.ClientAdministration;
import dev.tollgate.application.admin.ClientSpec;
import dev.tollgate.application.admin.Page;
import dev.tollgate.application.client.ClientAuthenticator;
import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.deprecation.DeprecationAdministration;
import dev.tollgate.application.deprecation.UsageReportLine;
import dev.tollgate.application.port.DatabaseOutages;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The admin console: server-rendered pages over the same admin use cases as the admin API ({@link
 * ClientAdministration}, {@link DeprecationAdministration}) and the same authorization (an API client holding
 * {@code clients:manage}, of the tenant or of the {@code admin} tenant). A client secret appears only in the answer to
 * the POST that issued it (creation, rotation): every GET is free of secrets, so reloading or going back never shows
 * one again. Pages, not API: hidden from the OpenAPI document.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private static final Logger LOG = Logger.getLogger(ConsoleResource.class);

    private static final String SIGN_IN = "/console/sign-in";
    private static final int PAGE_SIZE = 50;
    private static final String EXPIRED = "This form has expired. Please try again.";

    private final ConsoleSessions sessions;
    private final ConsolePages pages;
    private final LoginCsrf loginCsrf;
    private final TenantDirectory tenants;
    private final ClientAuthenticator authenticator;
    private final RequestSources sources;
    private final ClientAdministration clients;
    private final DeprecationAdministration deprecations;
    private final RandomValues random;
    private final DatabaseOutages outages;
    private final SecretVersions secretVersions;

    public ConsoleResource(ConsoleSessions sessions, ConsolePages pages, LoginCsrf loginCsrf, TenantDirectory tenants,
            ClientAuthenticator authenticator, RequestSources sources, ClientAdministration clients,
            DeprecationAdministration deprecations, RandomValues random, DatabaseOutages outages,
            SecretVersions secretVersions) {
        this.sessions = sessions;
        this.pages = pages;
        this.loginCsrf = loginCsrf;
        this.tenants = tenants;
        this.authenticator = authenticator;
        this.sources = sources;
        this.clients = clients;
        this.deprecations = deprecations;
        this.random = random;
        this.outages = outages;
        this.secretVersions = secretVersions;
    }

    @GET
    @Operation(hidden = true)
    public Response home(@CookieParam(ConsoleSessions.COOKIE) String cookie) {
        return sessions.open(cookie)
                .map(signed -> pages.seeOther(clientsPath(signed.tenant().slug().value()), sessions.extend(signed)))
                .orElseGet(() -> pages.seeOther(SIGN_IN));
    }

    /** The operator's "manage tenant" form: a GET form cannot put the slug into the path itself. */
    @GET
    @Path("/tenant")
    @Operation(hidden = true)
    public Response switchTenant(@CookieParam(ConsoleSessions.COOKIE) String cookie, @QueryParam("slug") String slug) {
        return signedIn(cookie, signed -> pages.seeOther(clientsPath(blank(slug)
                ? signed.tenant().slug().value() : slug.trim()), sessions.extend(signed)));
    }

    // ---- sign-in and sign-out

    @GET
    @Path("/sign-in")
    @Operation(hidden = true)
    public Response signInForm(@QueryParam("tenant") String tenant) {
        return signInPage(200, null, tenant, null);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@FormParam("tenant") String slug, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String secret, @FormParam("csrf") String csrf,
            @CookieParam(LoginCsrf.COOKIE) String csrfCookie) {
        if (!loginCsrf.matches(csrfCookie, csrf)) {
            return signInPage(403, "This sign-in form has expired. Please sign in again.", slug, clientId);
        }
        if (blank(slug) || blank(clientId) || blank(secret)) {
            return signInPage(400, "Enter the tenant, the client ID and the client secret.", slug, clientId);
        }
        String invalid = "Invalid tenant, client ID or client secret.";
        if (!(tenants.bySlug(slug.trim()) instanceof Outcome.Success<Tenant> found)) {
            return signInPage(401, invalid, slug, clientId);
        }
        Tenant tenant = found.value();
        return switch (authenticator.authenticate(tenant, new ClientCredentials.SecretPost(clientId, secret),
                sources.current())) {
            case Outcome.Failure<Client> failure when failure.error().cause() == OAuthError.Cause.THROTTLED -> {
                long seconds = failure.error().retryAfter().map(ConsoleResource::wholeSeconds).orElse(30L);
                Response page = signInPage(429, "Too many failed sign-in attempts. Try again in "
                        + inWords(seconds) + ".", slug, clientId);
                page.getHeaders().putSingle("Retry-After", seconds);
                yield page;
            }
            case Outcome.Failure<Client> failure -> signInPage(401, invalid, slug, clientId);
            case Outcome.Success<Client> success when !ConsoleSessions.mayAdminister(success.value()) ->
                    signInPage(403, "This client may not use the console: it needs the scope clients:manage "
                            + "and the client credentials grant.", slug, clientId);
            case Outcome.Success<Client> success -> pages.seeOther(clientsPath(tenant.slug().value()),
                    sessions.begin(tenant, success.value()));
        };
    }

    @POST
    @Path("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(@CookieParam(ConsoleSessions.COOKIE) String cookie, @FormParam("csrf") String csrf) {
        Optional<ConsoleSessions.Signed> signed = sessions.open(cookie);
        if (signed.isPresent() && !sessions.csrfMatches(signed.get(), csrf)) {
            return pages.error(403, EXPIRED, signed.get(), signed.get().tenant().slug().value());
        }
        return pages.seeOther(SIGN_IN, sessions.end());
    }

    // ---- API clients

    @GET
    @Path("/{tenant}/clients")
    @Operation(hidden = true)
    public Response list(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant,
            @QueryParam("offset") String offset) {
        return signedIn(cookie, signed -> {
            int from = parseOffset(offset);
            return switch (clients.list(signed.caller(), tenant, from, PAGE_SIZE)) {
                case AdminResult.Done<Page<Client>> done -> pages.page(200, "console/clients.html", signed, tenant,
                        pageData(done.value(), ConsoleViews.ClientRow::of));
                case AdminResult.Refused<Page<Client>> refused -> pages.refused(refused.error(), signed, tenant);
            };
        });
    }

    @GET
    @Path("/{tenant}/new-client")
    @Operation(hidden = true)
    public Response newClient(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant) {
        // the client_id is chosen when the form is shown: a resubmitted form then clashes (409) instead of creating a
        // second client with a second secret
        return signedIn(cookie, signed -> createForm(200, signed, tenant, null,
                new ConsoleViews.ClientForm(random.newId().toString(), "", "", "", false, "")));
    }

    @POST
    @Path("/{tenant}/clients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response create(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant,
            @FormParam("csrf") String csrf, @FormParam("client_id") String clientId, @FormParam("name") String name,
            @FormParam("description") String description, @FormParam("scopes") String scopes,
            @FormParam("legacy_apis") String legacyApis, @FormParam("access_token_ttl") String ttl) {
        return changing(cookie, csrf, tenant, signed -> {
            ConsoleViews.ClientForm form = new ConsoleViews.ClientForm(orEmpty(clientId), orEmpty(name),
                    orEmpty(description), orEmpty(scopes), legacyApis != null, orEmpty(ttl));
            AdminResult<ClientAdministration.WithSecret> result = ttl(ttl).then(accessTtl -> clients.create(
                    signed.caller(), tenant, new ClientSpec(nonBlank(clientId), Optional.ofNullable(name),
                            Optional.ofNullable(description).filter(d -> !d.isEmpty()), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.of(words(scopes)),
                            Optional.of(legacyApis != null), accessTtl, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty())));
            return switch (result) {
                case AdminResult.Done<ClientAdministration.WithSecret> done ->
                        secretPage(signed, tenant, done.value(), "created");
                case AdminResult.Refused<ClientAdministration.WithSecret> refused
                        when refused.error() instanceof AdminError.Invalid
                        || refused.error() instanceof AdminError.Conflict ->
                        createForm(refused.error() instanceof AdminError.Invalid ? 400 : 409, signed, tenant,
                                refused.error() instanceof AdminError.Conflict
                                        ? message(refused.error()) + ". If you sent this form twice, the client was "
                                                + "created the first time and its secret is not shown again: rotate "
                                                + "it on the client's page if it was not copied."
                                        : message(refused.error()), form);
                case AdminResult.Refused<ClientAdministration.WithSecret> refused ->
                        pages.refused(refused.error(), signed, tenant);
            };
        });
    }

    @GET
    @Path("/{tenant}/clients/{clientId}")
    @Operation(hidden = true)
    public Response client(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId) {
        return signedIn(cookie, signed -> switch (clients.get(signed.caller(), tenant, clientId)) {
            case AdminResult.Done<Client> done -> pages.page(200, "console/client.html", signed, tenant,
                    Map.of("client", ConsoleViews.ClientRow.of(done.value()), "self",
                            signed.caller().tenant().slug().value().equals(tenant)
                                    && signed.clientId().equals(clientId),
                            "secretVersion", secretVersions.of(done.value())));
            case AdminResult.Refused<Client> refused -> pages.refused(refused.error(), signed, tenant);
        });
    }

    @POST
    @Path("/{tenant}/clients/{clientId}/secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rotate(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId, @FormParam("csrf") String csrf,
            @FormParam("grace_seconds") String grace, @FormParam("secret_version") String version) {
        return changing(cookie, csrf, tenant, signed -> {
            AdminResult<ClientAdministration.WithSecret> result;
            try {
                long seconds = blank(grace) ? 0 : Long.parseLong(grace.trim());
                result = clients.get(signed.caller(), tenant, clientId)
                        .then(client -> secretVersions.of(client).equals(version)
                                ? clients.rotateSecret(signed.caller(), tenant, clientId, seconds)
                                : AdminResult.refused(new AdminError.Conflict("The secret was rotated since this "
                                        + "form was shown (a reload sends the form again); the new secret is not "
                                        + "shown again. Rotate from the client's page if it was not copied.")));
            } catch (NumberFormatException e) {
                result = AdminResult.invalid("grace_seconds", "The grace period is a whole number of seconds");
            }
            return switch (result) {
                case AdminResult.Done<ClientAdministration.WithSecret> done ->
                        secretPage(signed, tenant, done.value(), "rotated");
                case AdminResult.Refused<ClientAdministration.WithSecret> refused ->
                        pages.refused(refused.error(), signed, tenant);
            };
        });
    }

    /** The confirmation step of disabling, enabling and deleting: a page with the one button that does it. */
    @GET
    @Path("/{tenant}/clients/{clientId}/{action: disable|enable|delete}")
    @Operation(hidden = true)
    public Response confirm(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId, @PathParam("action") String action) {
        return signedIn(cookie, signed -> switch (clients.get(signed.caller(), tenant, clientId)) {
            case AdminResult.Done<Client> done -> pages.page(200, "console/confirm.html", signed, tenant,
                    Map.of("client", ConsoleViews.ClientRow.of(done.value()), "action", action));
            case AdminResult.Refused<Client> refused -> pages.refused(refused.error(), signed, tenant);
        });
    }

    @POST
    @Path("/{tenant}/clients/{clientId}/{action: disable|enable}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response enable(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId, @PathParam("action") String action,
            @FormParam("csrf") String csrf) {
        return changing(cookie, csrf, tenant, signed -> {
            ClientSpec spec = new ClientSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(action.equals("enable")));
            return switch (clients.change(signed.caller(), tenant, clientId, spec)) {
                case AdminResult.Done<Client> done -> pages.seeOther(clientPath(tenant, clientId),
                        sessions.extend(signed));
                case AdminResult.Refused<Client> refused -> pages.refused(refused.error(), signed, tenant);
            };
        });
    }

    @POST
    @Path("/{tenant}/clients/{clientId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant,
            @PathParam("clientId") String clientId, @FormParam("csrf") String csrf) {
        return changing(cookie, csrf, tenant, signed -> switch (clients.delete(signed.caller(), tenant, clientId)) {
            case AdminResult.Done<String> done -> pages.seeOther(clientsPath(tenant), sessions.extend(signed));
            case AdminResult.Refused<String> refused -> pages.refused(refused.error(), signed, tenant);
        });
    }

    // ---- the legacy API usage report

    @GET
    @Path("/{tenant}/usage")
    @Operation(hidden = true)
    public Response usage(@CookieParam(ConsoleSessions.COOKIE) String cookie, @PathParam("tenant") String tenant,
            @QueryParam("offset") String offset) {
        return signedIn(cookie, signed -> switch (deprecations.usage(signed.caller(), tenant, parseOffset(offset),
                PAGE_SIZE)) {
            case AdminResult.Done<Page<UsageReportLine>> done -> pages.page(200, "console/usage.html", signed, tenant,
                    pageData(done.value(), ConsoleViews.UsageRow::of));
            case AdminResult.Refused<Page<UsageReportLine>> refused -> pages.refused(refused.error(), signed, tenant);
        });
    }

    // ---- failures: pages too, never JSON or a stack trace (these mappers apply to this resource only)

    @ServerExceptionMapper
    public Response refusedByFramework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return failed(e);
        }
        return pages.failure(status, status == 415 || status == 400
                ? "This request cannot be read: send the console's own forms." : "This request cannot be served.");
    }

    @ServerExceptionMapper
    public Response failed(Throwable e) {
        if (outages.isOutage(e)) {
            LOG.warnf("Console: database unavailable (%s)", e.getClass().getSimpleName());
            Response page = pages.failure(503, "The console is unavailable at the moment. Please try again in a minute.");
            page.getHeaders().putSingle("Retry-After", "5");
            return page;
        }
        // the type and message only: causes may carry request data
        LOG.errorf("Console: unexpected %s: %s", e.getClass().getName(), e.getMessage());
        LOG.debug("Console failure", e);
        return pages.failure(500, "Something went wrong on our side. Please try again later.");
    }

    // ---- helpers

    /** A page for a signed-in admin; without a session, the sign-in page. */
    private Response signedIn(String cookie, Function<ConsoleSessions.Signed, Response> page) {
        return sessions.open(cookie).map(page).orElseGet(() -> pages.seeOther(SIGN_IN, sessions.end()));
    }

    /** A form POST that changes something: only with a session and that session's CSRF token. */
    private Response changing(String cookie, String csrf, String tenant,
            Function<ConsoleSessions.Signed, Response> change) {
        return signedIn(cookie, signed -> sessions.csrfMatches(signed, csrf)
                ? change.apply(signed)
                : pages.error(403, EXPIRED, signed, tenant));
    }

    /** The one answer that shows a secret: to the POST that issued it, never cached. */
    private Response secretPage(ConsoleSessions.Signed signed, String tenant, ClientAdministration.WithSecret issued,
            String what) {
        return pages.page(200, "console/secret.html", signed, tenant, Map.of(
                "client", ConsoleViews.ClientRow.of(issued.client()),
                "secret", issued.secret().orElse(""),
                "what", what));
    }

    private Response createForm(int status, ConsoleSessions.Signed signed, String tenant, String message,
            ConsoleViews.ClientForm form) {
        Map<String, Object> data = new HashMap<>();
        data.put("form", form);
        data.put("message", message);
        return pages.page(status, "console/new-client.html", signed, tenant, data);
    }

    private Response signInPage(int status, String message, String tenant, String clientId) {
        LoginCsrf.Pair pair = loginCsrf.issue(SIGN_IN);
        Map<String, Object> data = new HashMap<>();
        data.put("message", message);
        data.put("tenantValue", orEmpty(tenant));
        data.put("clientIdValue", orEmpty(clientId));
        data.put("loginCsrf", pair.field());
        return pages.anonymous(status, "console/sign-in.html", data, pair.cookie());
    }

    private static <T> Map<String, Object> pageData(Page<T> page, Function<T, ?> view) {
        Map<String, Object> data = new HashMap<>();
        data.put("items", page.items().stream().map(view).toList());
        data.put("previous", page.offset() > 0 ? Math.max(0, page.offset() - page.limit()) : null);
        data.put("next", page.nextOffset().isPresent() ? page.nextOffset().getAsInt() : null);
        return data;
    }

    private static AdminResult<Optional<Integer>> ttl(String ttl) {
        if (blank(ttl)) {
            return AdminResult.done(Optional.empty());
        }
        try {
            return AdminResult.done(Optional.of(Integer.parseInt(ttl.trim())));
        } catch (NumberFormatException e) {
            return AdminResult.invalid("access_token_ttl", "The access token lifetime is a whole number of seconds");
        }
    }

    private static String message(AdminError error) {
        return error instanceof AdminError.Invalid invalid
                ? invalid.field() + ": " + invalid.message()
                : error.message();
    }

    private static int parseOffset(String offset) {
        try {
            return offset == null ? 0 : Math.max(0, Integer.parseInt(offset));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("[\\s,]+"));
    }

    private static Optional<String> nonBlank(String text) {
        return blank(text) ? Optional.empty() : Optional.of(text.trim());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static long wholeSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static String inWords(long seconds) {
        return seconds < 90 ? seconds + (seconds == 1 ? " second" : " seconds") : (seconds + 59) / 60 + " minutes";
    }

    private static String clientsPath(String tenant) {
        return "/console/" + segment(tenant) + "/clients";
    }

    private static String clientPath(String tenant, String clientId) {
        return clientsPath(tenant) + "/" + segment(clientId);
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
