package dev.tollgate.bootstrap.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One valid request per operation of every endpoint: the starting points of the mutations. Each names the OpenAPI
 * path template and method it exercises, so that an endpoint without a seed is noticed.
 */
final class Seeds {

    /** A valid request of one operation, built fresh from the world (codes and assertions are single-use). */
    record Seed(String name, String method, String template, Function<FuzzWorld, Draft> build) {

        /** How often the fuzz picks it, relative to the others: token endpoints most, discovery documents least. */
        int weight() {
            if (template.startsWith("/admin") || template.startsWith("/.well-known") || template.startsWith("/docs")
                    || template.endsWith("/certs") || template.endsWith("{document}")) {
                return template.startsWith("/admin") ? 2 : 1;
            }
            return template.endsWith("/auth") || template.endsWith("/authorize") || template.endsWith("introspect")
                    || template.endsWith("revoke") ? 4 : 3;
        }
    }

    private static final String REALM = "/auth/realms/" + FuzzWorld.SLUG + "/protocol/openid-connect";
    private static final String ADMIN_TENANT = "/admin/tenants/" + FuzzWorld.ADMIN_TARGET;

    private Seeds() {
    }

    static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        seeds.addAll(tokenEndpoints());
        seeds.addAll(authorization());
        seeds.addAll(introspectionAndRevocation());
        seeds.addAll(discovery());
        seeds.addAll(admin());
        return seeds;
    }

    private static List<Seed> tokenEndpoints() {
        return List.of(
                new Seed("oauth token client_credentials (Basic)", "POST", "/oauth/token", w ->
                        hosted("POST", "/oauth/token").header("Authorization", basic("fz-cc", w.ccSecret)).formBody()
                                .form("grant_type", "client_credentials").form("scope", "catalog:read")),
                new Seed("oauth token client_credentials (JSON)", "POST", "/oauth/token", w ->
                        hosted("POST", "/oauth/token").json("{\"grant_type\":\"client_credentials\",\"client_id\":"
                                + "\"fz-cc\",\"client_secret\":\"" + w.ccSecret + "\",\"scope\":\"orders:read\"}")),
                new Seed("oauth token authorization_code", "POST", "/oauth/token", w ->
                        hosted("POST", "/oauth/token").header("Authorization", basic("fz-web", w.webSecret)).formBody()
                                .form("grant_type", "authorization_code").form("code", w.code())
                                .form("redirect_uri", FuzzWorld.REDIRECT).form("code_verifier", FuzzWorld.VERIFIER)),
                new Seed("oauth token refresh_token", "POST", "/oauth/token", w ->
                        hosted("POST", "/oauth/token").header("Authorization", basic("fz-web", w.webSecret)).formBody()
                                .form("grant_type", "refresh_token").form("refresh_token", w.refreshToken())),
                new Seed("oauth token password", "POST", "/oauth/token", w ->
                        hosted("POST", "/oauth/token").formBody().form("grant_type", "password")
                                .form("client_id", "fz-web").form("client_secret", w.webSecret)
                                .form("username", FuzzWorld.EMAIL).form("password", FuzzWorld.PASSWORD)),
                new Seed("oauth token jwt-bearer HS256", "POST", "/oauth/token", w ->
                        hosted("POST", "/oauth/token").formBody().form("grant_type", FuzzWorld.JWT_BEARER)
                                .form("assertion", w.hs256Assertion(w.issuer()))),
                new Seed("realm token client_credentials (post)", "POST",
                        "/auth/realms/{tenant}/protocol/openid-connect/token", w ->
                        plain("POST", REALM + "/token").formBody().form("grant_type", "client_credentials")
                                .form("client_id", "fz-cc").form("client_secret", w.ccSecret)),
                new Seed("realm token jwt-bearer RS256", "POST", "/auth/realms/{tenant}/protocol/openid-connect/token", w ->
                        plain("POST", REALM + "/token").formBody().form("grant_type", FuzzWorld.JWT_BEARER)
                                .form("assertion", w.rs256Assertion(w.issuer() + "/protocol/openid-connect/token"))),
                new Seed("realm token refresh_token", "POST", "/auth/realms/{tenant}/protocol/openid-connect/token", w ->
                        plain("POST", REALM + "/token").header("Authorization", basic("fz-web", w.webSecret)).formBody()
                                .form("grant_type", "refresh_token").form("refresh_token", w.refreshToken())),
                new Seed("moltin client_credentials", "POST", "/oauth/access_token", w ->
                        hosted("POST", "/oauth/access_token").formBody().form("grant_type", "client_credentials")
                                .form("client_id", "fz-store").form("client_secret", w.storeSecret)),
                new Seed("moltin implicit", "POST", "/oauth/access_token", w ->
                        hosted("POST", "/oauth/access_token").formBody().form("grant_type", "implicit")
                                .form("client_id", "fz-store")),
                new Seed("moltin customer token", "POST", "/v2/customers/tokens", w ->
                        hosted("POST", "/v2/customers/tokens").header("Authorization", "Bearer " + w.implicitToken())
                                .json("{\"data\":{\"type\":\"token\",\"email\":\"" + FuzzWorld.EMAIL + "\",\"password\":\""
                                        + FuzzWorld.PASSWORD + "\",\"authentication_mechanism\":\"password\"}}")),
                new Seed("v0 token (form)", "POST", "/v0/token", w ->
                        hosted("POST", "/v0/token").formBody().form("grant_type", "password")
                                .form("username", FuzzWorld.EMAIL).form("password", FuzzWorld.PASSWORD)),
                new Seed("v0 token (JSON)", "POST", "/v0/token", w ->
                        hosted("POST", "/v0/token").json("{\"grant_type\":\"password\",\"username\":\""
                                + FuzzWorld.USERNAME + "\",\"password\":\"" + FuzzWorld.PASSWORD + "\"}")),
                new Seed("v0 refresh_token", "POST", "/v0/refresh_token", w ->
                        hosted("POST", "/v0/refresh_token").formBody().form("grant_type", "refresh_token")
                                .form("refresh_token", w.v0Refresh())));
    }

    private static List<Seed> authorization() {
        return List.of(
                new Seed("authorize GET", "GET", "/oauth/authorize", w -> {
                    Draft draft = hosted("GET", "/oauth/authorize");
                    new TreeMap<>(w.authorizationRequest()).forEach(draft::query);
                    return draft;
                }),
                new Seed("authorize POST (form request)", "POST", "/oauth/authorize", w -> {
                    Draft draft = hosted("POST", "/oauth/authorize").formBody();
                    new TreeMap<>(w.authorizationRequest()).forEach(draft::form);
                    return draft;
                }),
                new Seed("authorize POST (login form)", "POST", "/oauth/authorize", w -> login(w,
                        hosted("POST", "/oauth/authorize"))),
                new Seed("authorize POST (multipart, seed 003)", "POST", "/oauth/authorize", w -> {
                    Draft draft = hosted("POST", "/oauth/authorize").multipart();
                    draft.form.add(Draft.Param.encoded("response_type", "code"));
                    draft.form.add(new Draft.Param("client_id", "fz-web"));
                    draft.form.add(new Draft.Param("email", FuzzWorld.EMAIL));
                    draft.form.add(new Draft.Param("redirect_uri", FuzzWorld.REDIRECT));
                    return draft;
                }),
                new Seed("realm auth GET", "GET", "/auth/realms/{tenant}/protocol/openid-connect/auth", w -> {
                    Draft draft = plain("GET", REALM + "/auth");
                    new TreeMap<>(w.authorizationRequest()).forEach(draft::query);
                    return draft;
                }),
                new Seed("realm auth POST (login form)", "POST", "/auth/realms/{tenant}/protocol/openid-connect/auth",
                        w -> login(w, plain("POST", REALM + "/auth"))));
    }

    private static Draft login(FuzzWorld w, Draft draft) {
        draft.header("Cookie", "tollgate_login_csrf=" + w.csrfCookie).formBody();
        new TreeMap<>(w.authorizationRequest()).forEach(draft::form);
        return draft.form("csrf_token", w.csrfField).form("username", FuzzWorld.EMAIL)
                .form("password", FuzzWorld.PASSWORD).form("action", "sign_in");
    }

    private static List<Seed> introspectionAndRevocation() {
        return List.of(
                new Seed("oauth introspect", "POST", "/oauth/introspect", w ->
                        hosted("POST", "/oauth/introspect").header("Authorization", basic("fz-cc", w.ccSecret))
                                .formBody().form("token", w.ccToken()).form("token_type_hint", "access_token")),
                new Seed("realm introspect", "POST", "/auth/realms/{tenant}/protocol/openid-connect/token/introspect", w ->
                        plain("POST", REALM + "/token/introspect").formBody().form("token", w.implicitToken())
                                .form("client_id", "fz-cc").form("client_secret", w.ccSecret)),
                new Seed("oauth revoke", "POST", "/oauth/revoke", w ->
                        hosted("POST", "/oauth/revoke").header("Authorization", basic("fz-web", w.webSecret))
                                .formBody().form("token", w.refreshToken()).form("token_type_hint", "refresh_token")),
                new Seed("realm revoke", "POST", "/auth/realms/{tenant}/protocol/openid-connect/revoke", w ->
                        plain("POST", REALM + "/revoke").header("Authorization", basic("fz-web", w.webSecret))
                                .formBody().form("token", w.refreshToken())));
    }

    private static List<Seed> discovery() {
        return List.of(
                new Seed("JWKS (Host)", "GET", "/.well-known/jwks.json", w -> hosted("GET", "/.well-known/jwks.json")),
                new Seed("metadata (Host)", "GET", "/.well-known/oauth-authorization-server",
                        w -> hosted("GET", "/.well-known/oauth-authorization-server")),
                new Seed("metadata (RFC 8414 path)", "GET", "/.well-known/oauth-authorization-server/auth/realms/{tenant}",
                        w -> plain("GET", "/.well-known/oauth-authorization-server/auth/realms/" + FuzzWorld.SLUG)),
                new Seed("realm certs", "GET", "/auth/realms/{tenant}/protocol/openid-connect/certs",
                        w -> plain("GET", REALM + "/certs")),
                new Seed("realm openid-configuration", "GET", "/auth/realms/{tenant}/.well-known/{document}",
                        w -> plain("GET", "/auth/realms/" + FuzzWorld.SLUG + "/.well-known/openid-configuration")),
                new Seed("v0 migration guide", "GET", "/docs/migration-v0", w -> plain("GET", "/docs/migration-v0")));
    }

    private static List<Seed> admin() {
        return List.of(
                new Seed("admin list tenants", "GET", "/admin/tenants", w ->
                        admin(w, "GET", "/admin/tenants").query("offset", "0").query("limit", "5")),
                new Seed("admin create tenant", "POST", "/admin/tenants", w -> {
                    int n = w.next();
                    return admin(w, "POST", "/admin/tenants").json("{\"slug\":\"fz-new-" + n + "\",\"display_name\":"
                            + "\"Created\",\"domains\":[\"fz-new-" + n + ".fuzz.test\"],\"access_token_ttl\":600,"
                            + "\"signing_algorithm\":\"ES256\"}");
                }),
                new Seed("admin get tenant", "GET", "/admin/tenants/{tenant}", w -> admin(w, "GET", ADMIN_TENANT)),
                new Seed("admin change tenant", "PATCH", "/admin/tenants/{tenant}", w ->
                        admin(w, "PATCH", ADMIN_TENANT).json("{\"display_name\":\"Target\",\"refresh_token_ttl\":7200,"
                                + "\"implicit_scope\":\"catalog:read\",\"v0_rotate_refresh_tokens\":true}")),
                new Seed("admin delete tenant", "DELETE", "/admin/tenants/{tenant}", w -> admin(w, "DELETE", ADMIN_TENANT)),
                new Seed("admin create client", "POST", "/admin/tenants/{tenant}/clients", w ->
                        admin(w, "POST", ADMIN_TENANT + "/clients").json("{\"client_id\":\"fz-c-" + w.next()
                                + "\",\"name\":\"C\",\"grant_types\":[\"client_credentials\",\"authorization_code\"],"
                                + "\"scopes\":[\"a:b\"],\"redirect_uris\":[\"https://c.fuzz.test/cb\"],"
                                + "\"access_token_ttl\":300}")),
                new Seed("admin list clients", "GET", "/admin/tenants/{tenant}/clients", w ->
                        admin(w, "GET", ADMIN_TENANT + "/clients").query("limit", "2")),
                new Seed("admin get client", "GET", "/admin/tenants/{tenant}/clients/{clientId}", w ->
                        admin(w, "GET", ADMIN_TENANT + "/clients/fz-victim")),
                new Seed("admin change client", "PATCH", "/admin/tenants/{tenant}/clients/{clientId}", w ->
                        admin(w, "PATCH", ADMIN_TENANT + "/clients/fz-victim").json("{\"description\":\"changed\","
                                + "\"scopes\":[\"x\"],\"jwks\":{\"keys\":[]}}")),
                new Seed("admin delete client", "DELETE", "/admin/tenants/{tenant}/clients/{clientId}", w ->
                        admin(w, "DELETE", ADMIN_TENANT + "/clients/fz-c-" + Math.max(0, w.next() / 2))),
                new Seed("admin rotate secret", "POST", "/admin/tenants/{tenant}/clients/{clientId}/secret", w ->
                        admin(w, "POST", ADMIN_TENANT + "/clients/fz-victim/secret").json("{\"grace_seconds\":60}")),
                new Seed("admin create user", "POST", "/admin/tenants/{tenant}/users", w ->
                        admin(w, "POST", ADMIN_TENANT + "/users").json("{\"email\":\"u" + w.next()
                                + "@fuzz.test\",\"name\":\"U\",\"roles\":[\"r\"],\"password\":\"correct horse 0123\"}")),
                new Seed("admin list users", "GET", "/admin/tenants/{tenant}/users", w ->
                        admin(w, "GET", ADMIN_TENANT + "/users").query("offset", "1")),
                new Seed("admin get user", "GET", "/admin/tenants/{tenant}/users/{id}", w ->
                        admin(w, "GET", ADMIN_TENANT + "/users/" + w.victimUserId)),
                new Seed("admin change user", "PATCH", "/admin/tenants/{tenant}/users/{id}", w ->
                        admin(w, "PATCH", ADMIN_TENANT + "/users/" + w.victimUserId).json("{\"name\":\"V\","
                                + "\"roles\":[\"a\",\"b\"],\"view\":\"v1\"}")),
                new Seed("admin delete user", "DELETE", "/admin/tenants/{tenant}/users/{id}", w ->
                        admin(w, "DELETE", ADMIN_TENANT + "/users/00000000-0000-0000-0000-00000000000" + (w.next() % 10))),
                new Seed("admin list keys", "GET", "/admin/tenants/{tenant}/keys", w ->
                        admin(w, "GET", ADMIN_TENANT + "/keys")),
                new Seed("admin rotate key", "POST", "/admin/tenants/{tenant}/keys/rotate", w ->
                        admin(w, "POST", ADMIN_TENANT + "/keys/rotate")),
                new Seed("admin get deprecations", "GET", "/admin/tenants/{tenant}/deprecations", w ->
                        admin(w, "GET", ADMIN_TENANT + "/deprecations")),
                new Seed("admin replace deprecations", "PUT", "/admin/tenants/{tenant}/deprecations", w ->
                        admin(w, "PUT", ADMIN_TENANT + "/deprecations").json("{\"surfaces\":[{\"surface\":\"v0_token\","
                                + "\"deprecated_at\":\"2024-01-01T00:00:00Z\",\"sunset_at\":\"2031-06-30T00:00:00Z\","
                                + "\"link\":\"https://docs.fuzz.test/v0\",\"brownouts\":[{\"start\":"
                                + "\"2030-01-01T00:00:00Z\",\"end\":\"2030-01-01T01:00:00Z\"}]}]}")),
                new Seed("admin deprecation usage", "GET", "/admin/tenants/{tenant}/deprecations/usage", w ->
                        admin(w, "GET", ADMIN_TENANT + "/deprecations/usage").query("limit", "10")));
    }

    /** A request to a Host-resolved path of the dialects' tenant. */
    private static Draft hosted(String method, String path) {
        return new Draft(method, path).header("Host", FuzzWorld.HOST);
    }

    /** A request to a path that names its tenant, with the service's own host. */
    private static Draft plain(String method, String path) {
        return new Draft(method, path).header("Host", "localhost");
    }

    private static Draft admin(FuzzWorld w, String method, String path) {
        return plain(method, path).header("Authorization", "Bearer " + w.operator());
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The templates of the seeds, by method: compared with the OpenAPI document. */
    static Map<String, java.util.Set<String>> operations() {
        Map<String, java.util.Set<String>> operations = new TreeMap<>();
        for (Seed seed : all()) {
            operations.computeIfAbsent(seed.template(), t -> new java.util.TreeSet<>()).add(seed.method().toLowerCase());
        }
        return operations;
    }
}
