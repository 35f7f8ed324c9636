package dev.tollgate.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.bootstrap.support.AdminTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQL metacharacters in every parameter of every endpoint (form fields, Basic credentials, JSON fields, path
 * segments, query parameters, the Host header) get the endpoint's ordinary answer: a refusal in its own shape, or,
 * for free text an operator may legitimately type (names, descriptions, passwords), the value stored and returned
 * verbatim. Never a 500, never a database error in a body, and the database is intact: every table is still there,
 * no row that existed before was changed or removed, and the credentials of the tenant still work.
 */
@QuarkusTest
class SqlInjectionTest {

    private static final String TENANT = "atk-inject";
    static final List<String> PAYLOADS = List.of(
            "' OR 1=1 --",
            "\"; drop table tenant; --",
            "'); delete from client; --",
            "x' union select password_hash from tenant_user --",
            "\\",
            "nul\u0000byte");
    /** Tables that background jobs purge by expiry: their rows may go during the test for reasons of their own. */
    private static final Set<String> PURGED = Set.of("revoked_access_token", "jwt_assertion_jti", "authorization_code",
            "cache_epoch", "legacy_usage");

    private static AttackStage stage;
    private static String posSecret;
    private static String controlSecret;
    private static String operator;
    private static RSAKey rsa;

    @BeforeEach
    void setUp() {
        if (stage != null) {
            return;
        }
        AttackStage created = AttackStage.create(TENANT);
        posSecret = AttackStage.client(TENANT, "{\"client_id\":\"pos\",\"name\":\"POS\",\"grant_types\":"
                + "[\"password\",\"refresh_token\",\"authorization_code\",\"urn:ietf:params:oauth:grant-type:jwt-bearer\"],"
                + "\"redirect_uris\":[\"https://pos.example/cb\"],\"scopes\":[\"orders:read\"]}");
        controlSecret = AttackStage.client(TENANT, "{\"client_id\":\"control\",\"name\":\"Control\"}");
        operator = AdminTokens.operator();
        try {
            rsa = new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        stage = created;
    }

    // ---- the harness

    /** One place a payload goes, and the statuses that are an ordinary answer there. */
    private record Target(String name, Function<String, Response> call, Set<Integer> ordinary, Shape shape) {
    }

    private enum Shape { OAUTH_JSON, HOST, V0_JSON, JSON_API, HTML, ADMIN_JSON }

    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** An HS256 assertion of the pos client for the customer, signed with its secret, one claim changed. */
    private static String assertion(UnaryOperator<JWTClaimsSet.Builder> change) {
        return Forgeries.hs256(change.apply(new JWTClaimsSet.Builder().issuer("pos").subject(AttackStage.CUSTOMER_EMAIL)
                .issueTime(Date.from(AttackStage.serviceNow()))).build(), posSecret);
    }

    /** A public RSA JWK whose kid is {@code kid}. */
    private static String publicJwk(String kid) {
        Map<String, Object> jwk = new LinkedHashMap<>(rsa.toPublicJWK().toJSONObject());
        jwk.put("kid", kid);
        return JSONObjectUtils.toJSONString(jwk);
    }

    private static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404, 405, 409, 413, 415, 422, 429);

    private static Set<Integer> refusedOr(Integer... more) {
        Set<Integer> statuses = new java.util.HashSet<>(REFUSED);
        statuses.addAll(List.of(more));
        return statuses;
    }

    private static RequestSpecification at() {
        return stage.request().config(RestAssuredConfig.config()
                .redirect(RedirectConfig.redirectConfig().followRedirects(false)));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(operator).contentType(ContentType.JSON);
    }

    private static String realmToken() {
        return "/auth/realms/" + TENANT + "/protocol/openid-connect/token";
    }

    private static String json(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        Set<Integer> oauth = REFUSED;
        // the realm token endpoint (Keycloak shape)
        targets.add(new Target("realm client_id", p -> given().formParam("grant_type", "client_credentials")
                .formParam("client_id", p).formParam("client_secret", "x").post(realmToken()), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("realm client_secret", p -> given().formParam("grant_type", "client_credentials")
                .formParam("client_id", AttackStage.STORE).formParam("client_secret", p).post(realmToken()), oauth,
                Shape.OAUTH_JSON));
        targets.add(new Target("realm Basic user", p -> given().auth().preemptive().basic(p, "x")
                .formParam("grant_type", "client_credentials").post(realmToken()), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("realm grant_type", p -> given().auth().preemptive().basic(AttackStage.STORE,
                stage.storeSecret()).formParam("grant_type", p).post(realmToken()), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("realm scope", p -> given().auth().preemptive().basic(AttackStage.STORE,
                stage.storeSecret()).formParam("grant_type", "client_credentials").formParam("scope", p)
                .post(realmToken()), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("realm tenant path segment", p -> given().pathParam("tenant", p)
                .formParam("grant_type", "client_credentials").formParam("client_id", "x")
                .formParam("client_secret", "y").post("/auth/realms/{tenant}/protocol/openid-connect/token"),
                refusedOr(), Shape.OAUTH_JSON));
        // the Storefront token endpoint
        targets.add(new Target("oauth Host header", p -> given().header("Host", p)
                .formParam("grant_type", "client_credentials").formParam("client_id", AttackStage.STORE)
                .formParam("client_secret", stage.storeSecret()).post("/oauth/token"), oauth, Shape.HOST));
        targets.add(new Target("oauth username", p -> at().auth().preemptive().basic("pos", posSecret)
                .formParam("grant_type", "password").formParam("username", p).formParam("password", "x")
                .post("/oauth/token"), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("oauth password", p -> at().auth().preemptive().basic("pos", posSecret)
                .formParam("grant_type", "password").formParam("username", AttackStage.CUSTOMER_EMAIL)
                .formParam("password", p).post("/oauth/token"), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("oauth refresh_token", p -> at().auth().preemptive().basic("pos", posSecret)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", p).post("/oauth/token"), oauth,
                Shape.OAUTH_JSON));
        targets.add(new Target("oauth code", p -> at().auth().preemptive().basic("pos", posSecret)
                .formParam("grant_type", "authorization_code").formParam("code", p)
                .formParam("redirect_uri", "https://pos.example/cb").post("/oauth/token"), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("oauth redirect_uri and code_verifier", p -> at().auth().preemptive()
                .basic("pos", posSecret).formParam("grant_type", "authorization_code").formParam("code", "abc")
                .formParam("redirect_uri", p).formParam("code_verifier", p).post("/oauth/token"), oauth,
                Shape.OAUTH_JSON));
        targets.add(new Target("oauth assertion", p -> at().formParam("grant_type",
                "urn:ietf:params:oauth:grant-type:jwt-bearer").formParam("assertion", p).post("/oauth/token"), oauth,
                Shape.OAUTH_JSON));
        targets.add(new Target("assertion jti", p -> at().formParam("grant_type", JWT_BEARER)
                .formParam("assertion", assertion(b -> b.jwtID(p))).post("/oauth/token"), refusedOr(200), Shape.OAUTH_JSON));
        targets.add(new Target("assertion sub", p -> at().formParam("grant_type", JWT_BEARER)
                .formParam("assertion", assertion(b -> b.subject(p))).post("/oauth/token"), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("assertion iss", p -> at().formParam("grant_type", JWT_BEARER)
                .formParam("assertion", assertion(b -> b.issuer(p))).post("/oauth/token"), oauth, Shape.OAUTH_JSON));
        targets.add(new Target("oauth JSON body client_id", p -> at().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"client_id\":" + json(p) + ",\"client_secret\":\"x\"}")
                .post("/oauth/token"), oauth, Shape.OAUTH_JSON));
        // introspection and revocation (RFC 7009 §2.2: an invalid token is a 200 with nothing done)
        targets.add(new Target("introspect token", p -> stage.introspect(p), Set.of(200), Shape.OAUTH_JSON));
        targets.add(new Target("introspect token_type_hint", p -> at().auth().preemptive()
                .basic(AttackStage.RESOURCE_SERVER, stage.resourceServerSecret()).formParam("token", "abc")
                .formParam("token_type_hint", p).post("/oauth/introspect"), Set.of(200), Shape.OAUTH_JSON));
        targets.add(new Target("revoke token", p -> at().auth().preemptive().basic("pos", posSecret)
                .formParam("token", p).formParam("token_type_hint", "refresh_token").post("/oauth/revoke"),
                refusedOr(200), Shape.OAUTH_JSON));
        // the authorization endpoint and its login form
        for (String parameter : List.of("client_id", "redirect_uri", "scope", "state", "response_type", "email",
                "code_challenge")) {
            targets.add(new Target("authorize " + parameter, p -> {
                Map<String, String> query = new HashMap<>(Map.of("response_type", "code", "client_id", "pos",
                        "redirect_uri", "https://pos.example/cb"));
                query.put(parameter, p);
                return at().queryParams(query).get("/oauth/authorize");
            }, refusedOr(200, 302), Shape.HTML));
        }
        targets.add(new Target("login form username", p -> signIn(p, "x"), refusedOr(200), Shape.HTML));
        targets.add(new Target("login form password", p -> signIn(AttackStage.CUSTOMER_EMAIL, p), refusedOr(200),
                Shape.HTML));
        // the Token API v0
        targets.add(new Target("v0 username", p -> at().formParam("grant_type", "password").formParam("username", p)
                .formParam("password", "x").post("/v0/token"), refusedOr(), Shape.V0_JSON));
        targets.add(new Target("v0 password", p -> at().formParam("grant_type", "password")
                .formParam("username", AttackStage.CUSTOMER_EMAIL).formParam("password", p).post("/v0/token"),
                refusedOr(), Shape.V0_JSON));
        targets.add(new Target("v0 JSON username", p -> at().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"password\",\"username\":" + json(p) + ",\"password\":\"x\"}")
                .post("/v0/token"), refusedOr(), Shape.V0_JSON));
        targets.add(new Target("v0 refresh_token", p -> at().formParam("grant_type", "refresh_token")
                .formParam("refresh_token", p).post("/v0/refresh_token"), refusedOr(), Shape.V0_JSON));
        // Moltin
        targets.add(new Target("moltin client_id", p -> at().contentType(ContentType.URLENC)
                .formParam("grant_type", "implicit").formParam("client_id", p).post("/oauth/access_token"),
                refusedOr(), Shape.JSON_API));
        targets.add(new Target("moltin client_secret", p -> at().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", AttackStage.STORE)
                .formParam("client_secret", p).post("/oauth/access_token"), refusedOr(), Shape.JSON_API));
        targets.add(new Target("customer email", p -> at().auth().oauth2(stage.storeToken()).contentType(ContentType.JSON)
                .body("{\"data\":{\"type\":\"token\",\"email\":" + json(p) + ",\"password\":\"x\"}}")
                .post("/v2/customers/tokens"), refusedOr(), Shape.JSON_API));
        targets.add(new Target("customer password", p -> at().auth().oauth2(stage.storeToken())
                .contentType(ContentType.JSON).body("{\"data\":{\"type\":\"token\",\"email\":\""
                        + AttackStage.CUSTOMER_EMAIL + "\",\"password\":" + json(p) + "}}")
                .post("/v2/customers/tokens"), refusedOr(), Shape.JSON_API));
        // the admin API: path segments, query parameters, JSON fields that are identifiers
        targets.add(new Target("admin tenant path", p -> admin().pathParam("t", p).get("/admin/tenants/{t}"),
                refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client path", p -> admin().pathParam("c", p)
                .get("/admin/tenants/" + TENANT + "/clients/{c}"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client path, PATCH", p -> admin().pathParam("c", p).body("{\"name\":\"x\"}")
                .patch("/admin/tenants/" + TENANT + "/clients/{c}"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client path, DELETE", p -> admin().pathParam("c", p)
                .delete("/admin/tenants/" + TENANT + "/clients/{c}"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client path, secret rotation", p -> admin().pathParam("c", p).body("{}")
                .post("/admin/tenants/" + TENANT + "/clients/{c}/secret"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin user path", p -> admin().pathParam("u", p)
                .get("/admin/tenants/" + TENANT + "/users/{u}"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin user path, DELETE", p -> admin().pathParam("u", p)
                .delete("/admin/tenants/" + TENANT + "/users/{u}"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin list offset", p -> admin().queryParam("offset", p)
                .get("/admin/tenants/" + TENANT + "/clients"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin list limit", p -> admin().queryParam("limit", p)
                .get("/admin/tenants/" + TENANT + "/users"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin tenant slug", p -> admin().body("{\"slug\":" + json(p) + "}")
                .post("/admin/tenants"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin tenant domain", p -> admin().body("{\"slug\":\"atk-inject-domain\",\"domains\":["
                + json(p) + "]}").post("/admin/tenants"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client_id", p -> admin().body("{\"client_id\":" + json(p) + ",\"name\":\"x\"}")
                .post("/admin/tenants/" + TENANT + "/clients"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client scopes", p -> admin().body("{\"name\":\"x\",\"scopes\":[" + json(p)
                + "]}").post("/admin/tenants/" + TENANT + "/clients"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client grant_types", p -> admin().body("{\"name\":\"x\",\"grant_types\":["
                + json(p) + "]}").post("/admin/tenants/" + TENANT + "/clients"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client redirect_uris", p -> admin().body("{\"name\":\"x\",\"redirect_uris\":["
                + json(p) + "]}").post("/admin/tenants/" + TENANT + "/clients"), refusedOr(), Shape.ADMIN_JSON));
        targets.add(new Target("admin client jwks kid", p -> admin().body("{\"name\":\"x\",\"grant_types\":[\""
                + JWT_BEARER + "\"],\"jwks\":{\"keys\":[" + publicJwk(p) + "]}}")
                .post("/admin/tenants/" + TENANT + "/clients"), refusedOr(201), Shape.ADMIN_JSON));
        // an email's local part is nearly free text too: a payload without spaces is a (strange) address
        targets.add(new Target("admin user email", p -> admin().body("{\"email\":" + json(p + "@atk-inject.example")
                + ",\"password\":\"Long-enough-password-1\"}").post("/admin/tenants/" + TENANT + "/users"),
                refusedOr(201), Shape.ADMIN_JSON));
        // a username is free text without spaces: some payloads are valid usernames, created once (then 409)
        targets.add(new Target("admin user username", p -> admin().body("{\"email\":\"u@atk-inject.example\","
                + "\"username\":" + json(p) + ",\"password\":\"Long-enough-password-1\"}")
                .post("/admin/tenants/" + TENANT + "/users"), refusedOr(201), Shape.ADMIN_JSON));
        return targets;
    }

    /** The login form's POST with a valid CSRF pair, so that the credentials are actually looked at. */
    private static Response signIn(String username, String password) {
        Response page = at().queryParam("response_type", "code").queryParam("client_id", "pos")
                .queryParam("redirect_uri", "https://pos.example/cb").get("/oauth/authorize");
        page.then().statusCode(200);
        return at().cookie("tollgate_login_csrf", page.cookie("tollgate_login_csrf"))
                .formParam("response_type", "code").formParam("client_id", "pos")
                .formParam("redirect_uri", "https://pos.example/cb")
                .formParam("csrf_token", page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value"))
                .formParam("username", username).formParam("password", password).formParam("action", "sign_in")
                .post("/oauth/authorize");
    }

    private static String problem(Target target, Response response) {
        int status = response.statusCode();
        if (!target.ordinary().contains(status)) {
            return "status " + status;
        }
        String body = response.asString();
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (target.shape() == Shape.HOST && status == 400 && body.contains("'Host' header")) {
            // refused by the HTTP server before the service saw it: not a Host header at all
            return null;
        }
        for (String leak : List.of("sqlstate", "psqlexception", "org.postgresql", "hibernate", "exception",
                "syntax error", "jdbc", "invalid byte sequence")) {
            if (lower.contains(leak)) {
                return "status " + status + ", body mentions " + leak + ": " + body;
            }
        }
        if (status < 400) {
            // an answer, not a refusal: its shape is the endpoint's success shape, checked by the endpoints' own tests
            return null;
        }
        String type = String.valueOf(response.contentType());
        boolean shaped = switch (target.shape()) {
            case HTML -> type.startsWith("text/html");
            case OAUTH_JSON, HOST -> type.startsWith("application/json") && (status == 200 || body.contains("\"error\""));
            case V0_JSON -> type.startsWith("application/json") && body.contains("\"message\"")
                    && body.contains("\"request_id\"");
            case JSON_API -> type.startsWith("application/json") && body.contains("\"errors\"");
            case ADMIN_JSON -> type.startsWith("application/json") && body.contains("\"error\"");
        };
        return shaped ? null : "not the endpoint's shape: " + type + " " + body;
    }

    @Test
    void metacharactersEverywhereGetOrdinaryRefusalsAndTheDatabaseIsIntact() throws Exception {
        Map<String, List<String>> before = snapshot();
        List<String> failures = new ArrayList<>();
        for (Target target : targets()) {
            for (String payload : PAYLOADS) {
                Response response = target.call().apply(payload);
                String problem = problem(target, response);
                if (problem != null) {
                    failures.add(target.name() + " [" + payload.replace("\u0000", "\\0") + "] -> " + problem);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " ordinary answers missing:\n" + String.join("\n", failures));
        assertIntact(before);
        // the tenant's credentials are what they were
        AdminTokens.token(TENANT, "control", controlSecret);
        AdminTokens.token(TENANT, AttackStage.STORE, stage.storeSecret());
    }

    @Test
    void freeTextIsStoredAndReturnedVerbatim() throws Exception {
        Map<String, List<String>> before = snapshot();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            int n = i + 1;
            // names and descriptions are the operator's own words: any text is fine, as text
            Response client = admin().body("{\"client_id\":\"free-text-" + n + "\",\"name\":" + json(payload)
                    + ",\"description\":" + json(payload) + "}").post("/admin/tenants/" + TENANT + "/clients");
            check(failures, "client name/description", payload, client, created -> {
                Response read = admin().get("/admin/tenants/" + TENANT + "/clients/free-text-" + n);
                return payload.equals(read.path("name")) && payload.equals(read.path("description"));
            });
            Response tenant = admin().body("{\"slug\":\"atk-inject-text-" + n + "\",\"display_name\":" + json(payload) + "}")
                    .post("/admin/tenants");
            check(failures, "tenant display_name", payload, tenant, created -> payload.equals(admin()
                    .get("/admin/tenants/atk-inject-text-" + n).path("display_name")));
            Response user = admin().body("{\"email\":\"text-" + n + "@atk-inject.example\",\"name\":" + json(payload)
                    + ",\"password\":" + json(payload + " long enough") + "}").post("/admin/tenants/" + TENANT + "/users");
            check(failures, "user name/password", payload, user, created -> payload.equals(created.path("name"))
                    && at().auth().preemptive().basic("pos", posSecret).formParam("grant_type", "password")
                            .formParam("username", "text-" + n + "@atk-inject.example")
                            .formParam("password", payload + " long enough").post("/oauth/token").statusCode() == 200);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertIntact(before);
    }

    /** Created (and then read back verbatim), or refused as invalid input in the admin API's shape. */
    private static void check(List<String> failures, String what, String payload, Response response,
            Function<Response, Boolean> verbatim) {
        String shown = payload.replace("\u0000", "\\0");
        if (response.statusCode() == 201) {
            if (!verbatim.apply(response)) {
                failures.add(what + " [" + shown + "] not stored verbatim");
            }
        } else if (response.statusCode() != 400 || !"invalid_request".equals(response.path("error"))) {
            failures.add(what + " [" + shown + "] -> " + response.statusCode() + " " + response.asString());
        }
    }

    // ---- the database, read directly

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    /** Every table of the schema and its rows as text. */
    static Map<String, List<String>> snapshot() throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select t::text from \"" + table + "\" t")) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static void assertIntact(Map<String, List<String>> before) throws SQLException {
        Map<String, List<String>> after = snapshot();
        assertEquals(before.keySet(), after.keySet(), "the tables of the schema");
        assertTrue(before.size() >= 15, "every table was read: " + before.keySet());
        for (Map.Entry<String, List<String>> table : before.entrySet()) {
            if (PURGED.contains(table.getKey())) {
                continue;
            }
            List<String> missing = new ArrayList<>(table.getValue());
            missing.removeAll(new java.util.HashSet<>(after.get(table.getKey())));
            assertTrue(missing.isEmpty(), table.getKey() + ": rows changed or removed: " + missing);
        }
    }
}
