package dev.tollgate.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.domain.authorization.CodeChallenge;
import dev.tollgate.domain.key.SigningKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Secrets never leak (issue 8): every flow of every dialect runs once, successes and failures, while everything the
 * service logs is captured (every category, {@code dev.tollgate} at DEBUG, messages, parameters, MDC and stack
 * traces); then no client secret, password, access, refresh or ID token, authorization code, PKCE verifier, login
 * CSRF value, JWT assertion, private key material or master key appears in the log, in plain, URL-encoded, base64,
 * base64url or hex form (and no HTTP Basic credential). Then every text, bytea, JSON and array column of every table
 * is read back over JDBC and none of them appears there either.
 */
@QuarkusTest
class SecretLeakTest {

    private static final String TENANT = "atk-leak";
    private static final String HOST = TENANT + ".attacks.test";
    private static final String REDIRECT = "https://shop.example/callback";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String PASSWORD = "Leak-test-user-passw0rd-41";
    private static final String VERIFIER = "leak-test-pkce-verifier-0123456789abcdefghijklmnop";

    /** Every secret the flows handle, by what it is (for the failure message). */
    private final Map<String, String> secrets = new LinkedHashMap<>();

    private void secret(String what, String value) {
        if (value != null) {
            secrets.put(what + " #" + secrets.size(), value);
        }
    }

    @Test
    void noSecretReachesTheLogOrTheDatabase() throws Exception {
        List<String> log = capture(this::runEveryFlow);

        assertTrue(log.stream().anyMatch(line -> line.startsWith("FINE dev.tollgate")
                        || line.startsWith("DEBUG dev.tollgate")),
                "DEBUG records of dev.tollgate were captured (the capture works): " + log.size() + " records");
        List<String> inLog = leaks(String.join("\n", log));
        List<String> inDatabase = leaks(databaseText());
        assertTrue(inLog.isEmpty() && inDatabase.isEmpty(),
                "secrets in the log: " + inLog + "; secrets in the database: " + inDatabase);
    }

    // ---- the flows

    private static RequestSpecification at() {
        return given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .header("Host", HOST);
    }

    private String client(String operator, String json) {
        String value = given().auth().oauth2(operator).contentType(ContentType.JSON).body(json)
                .post("/admin/tenants/" + TENANT + "/clients").then().statusCode(201).extract().path("client_secret");
        secret("client secret", value);
        return value;
    }

    private String token(Response response, int status) {
        response.then().statusCode(status);
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            secret(field, response.path(field));
        }
        return response.path("access_token");
    }

    private void runEveryFlow() {
        String operator = AdminTokens.operator();
        secret("admin client secret", AdminTokens.OPERATOR_SECRET);
        secret("operator token", operator);
        Config config = ConfigProvider.getConfig();
        secret("bootstrap client secret", config.getValue("tollgate.bootstrap.client.secret", String.class));

        // the admin API: a tenant, clients (secrets shown once), a user (password), a secret rotation, a key rotation
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"slug\":\"" + TENANT + "\",\"domains\":[\"" + HOST + "\"],\"profile\":\"storefront\"}")
                .post("/admin/tenants").then().statusCode(201);
        String svc = client(operator, "{\"client_id\":\"svc\",\"name\":\"Service\",\"scopes\":[\"orders:read\"]}");
        String pos = client(operator, "{\"client_id\":\"pos\",\"name\":\"POS\",\"grant_types\":[\"password\","
                + "\"refresh_token\"],\"token_endpoint_auth_method\":\"client_secret_post\"}");
        String web = client(operator, "{\"client_id\":\"web\",\"name\":\"Web\",\"grant_types\":[\"authorization_code\","
                + "\"refresh_token\"],\"redirect_uris\":[\"" + REDIRECT + "\"]}");
        client(operator, "{\"client_id\":\"spa\",\"name\":\"SPA\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"redirect_uris\":[\"" + REDIRECT + "\"]}");
        String store = client(operator, "{\"client_id\":\"store\",\"name\":\"Store\",\"grant_types\":"
                + "[\"client_credentials\",\"implicit\"]}");
        String signer = client(operator, "{\"client_id\":\"signer\",\"name\":\"Signer\",\"grant_types\":[\""
                + JWT_BEARER + "\"]}");
        String api = client(operator, "{\"client_id\":\"orders-api\",\"name\":\"Orders API\"}");
        secret("user password", PASSWORD);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"email\":\"shopper@leak.example\",\"username\":\"shopper\",\"password\":\"" + PASSWORD + "\"}")
                .post("/admin/tenants/" + TENANT + "/users").then().statusCode(201);
        String rotated = given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"grace_seconds\":60}")
                .post("/admin/tenants/" + TENANT + "/clients/svc/secret").then().statusCode(201)
                .extract().path("client_secret");
        secret("rotated client secret", rotated);
        privateKey(AttackStage.activeKey(TENANT));
        given().auth().oauth2(operator).post("/admin/tenants/" + TENANT + "/keys/rotate").then().statusCode(201);
        given().auth().oauth2("not-a-token").get("/admin/tenants/" + TENANT + "/clients").then().statusCode(401);

        // client_credentials in each dialect and each way of sending the secret
        secret("Basic credentials", Base64.getEncoder().encodeToString(("svc:" + svc).getBytes(StandardCharsets.UTF_8)));
        token(given().formParam("grant_type", "client_credentials").formParam("client_id", "svc")
                .formParam("client_secret", svc).post("/auth/realms/" + TENANT + "/protocol/openid-connect/token"), 200);
        token(at().auth().preemptive().basic("svc", rotated).formParam("grant_type", "client_credentials")
                .post("/oauth/token"), 200);
        token(at().contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\",\"client_id\":\"svc\","
                + "\"client_secret\":\"" + rotated + "\"}").post("/oauth/token"), 200);
        String storeToken = token(at().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "store").formParam("client_secret", store).post("/oauth/access_token"), 200);

        // the password grant, a refresh, and a reuse of the rotated refresh token
        Response password = at().formParam("grant_type", "password").formParam("client_id", "pos")
                .formParam("client_secret", pos).formParam("username", "shopper@leak.example")
                .formParam("password", PASSWORD).post("/oauth/token");
        token(password, 200);
        String refresh = password.path("refresh_token");
        Response refreshed = at().formParam("grant_type", "refresh_token").formParam("client_id", "pos")
                .formParam("client_secret", pos).formParam("refresh_token", refresh).post("/oauth/token");
        token(refreshed, 200);
        token(at().formParam("grant_type", "refresh_token").formParam("client_id", "pos")
                .formParam("client_secret", pos).formParam("refresh_token", refresh).post("/oauth/token"), 400);

        // authorization code: the login page, a failed and a good sign-in, the exchange, with and without PKCE
        secret("PKCE verifier", VERIFIER);
        String webCode = signIn("web", null);
        token(at().auth().preemptive().basic("web", web).formParam("grant_type", "authorization_code")
                .formParam("code", webCode).formParam("redirect_uri", REDIRECT).post("/oauth/token"), 200);
        String spaCode = signIn("spa", CodeChallenge.of(VERIFIER).value());
        token(at().formParam("grant_type", "authorization_code").formParam("client_id", "spa")
                .formParam("code", spaCode).formParam("redirect_uri", REDIRECT).formParam("code_verifier", VERIFIER)
                .post("/oauth/token"), 200);
        // a replayed code
        token(at().auth().preemptive().basic("web", web).formParam("grant_type", "authorization_code")
                .formParam("code", webCode).formParam("redirect_uri", REDIRECT).post("/oauth/token"), 400);

        // the Token API v0
        Response v0 = at().formParam("grant_type", "password").formParam("username", "shopper")
                .formParam("password", PASSWORD).post("/v0/token");
        token(v0, 200);
        token(at().formParam("grant_type", "refresh_token").formParam("refresh_token", (String) v0.path("refresh_token"))
                .post("/v0/refresh_token"), 200);

        // Moltin: an implicit token, a customer token
        String implicit = token(at().contentType(ContentType.URLENC).formParam("grant_type", "implicit")
                .formParam("client_id", "store").post("/oauth/access_token"), 200);
        Response customer = at().auth().oauth2(implicit).contentType(ContentType.JSON)
                .body("{\"data\":{\"type\":\"token\",\"email\":\"shopper@leak.example\",\"password\":\"" + PASSWORD
                        + "\",\"authentication_mechanism\":\"password\"}}").post("/v2/customers/tokens");
        customer.then().statusCode(200);
        secret("customer token", customer.path("data.token"));

        // the JWT bearer grant (an assertion without jti can be replayed until it is too old: a credential)
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("signer").subject("shopper@leak.example")
                .issueTime(Date.from(AttackStage.serviceNow())).build();
        String assertion = Forgeries.hs256(claims, signer);
        secret("JWT assertion", assertion);
        token(at().formParam("grant_type", JWT_BEARER).formParam("assertion", assertion).post("/oauth/token"), 200);

        // introspection and revocation
        for (String token : List.of(storeToken, implicit, (String) refreshed.path("refresh_token"))) {
            at().auth().preemptive().basic("orders-api", api).formParam("token", token).post("/oauth/introspect")
                    .then().statusCode(200);
            given().auth().preemptive().basic("orders-api", api).formParam("token", token)
                    .post("/auth/realms/" + TENANT + "/protocol/openid-connect/token/introspect").then().statusCode(200);
        }
        at().formParam("client_id", "pos").formParam("client_secret", pos)
                .formParam("token", (String) refreshed.path("refresh_token")).post("/oauth/revoke").then().statusCode(200);
        at().formParam("client_id", "pos").formParam("client_secret", pos)
                .formParam("token", (String) refreshed.path("access_token")).post("/oauth/revoke").then().statusCode(200);

        // genuine tokens the admin API refuses (a user's, a revoked one): the refusal is logged at DEBUG
        given().auth().oauth2((String) password.path("access_token")).get("/admin/tenants/" + TENANT + "/clients")
                .then().statusCode(401);
        String revokedAdmin = AdminTokens.operator();
        secret("revoked operator token", revokedAdmin);
        given().auth().preemptive().basic("tollgate-admin", AdminTokens.OPERATOR_SECRET).formParam("token", revokedAdmin)
                .post("/auth/realms/admin/protocol/openid-connect/revoke").then().statusCode(200);
        given().auth().oauth2(revokedAdmin).get("/admin/tenants/" + TENANT + "/clients").then().statusCode(401);

        // failures: wrong passwords and secrets, which are often someone's real ones mistyped
        String wrong = "Wrong-but-secret-passw0rd-77";
        secret("wrong password", wrong);
        at().formParam("grant_type", "password").formParam("client_id", "pos").formParam("client_secret", pos)
                .formParam("username", "shopper@leak.example").formParam("password", wrong).post("/oauth/token")
                .then().statusCode(400);
        at().formParam("grant_type", "password").formParam("username", "shopper").formParam("password", wrong)
                .post("/v0/token").then().statusCode(403);
        at().auth().oauth2(implicit).contentType(ContentType.JSON)
                .body("{\"data\":{\"type\":\"token\",\"email\":\"shopper@leak.example\",\"password\":\"" + wrong
                        + "\"}}").post("/v2/customers/tokens").then().statusCode(401);
        String wrongSecret = "Wrong-client-secret-for-the-leak-test-0123456789";
        secret("wrong client secret", wrongSecret);
        given().formParam("grant_type", "client_credentials").formParam("client_id", "svc")
                .formParam("client_secret", wrongSecret).post("/auth/realms/" + TENANT + "/protocol/openid-connect/token")
                .then().statusCode(401);
        at().auth().preemptive().basic("svc", wrongSecret).formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401);

        // what the service holds: the master key, every private key it has opened for these tenants
        String masterKey = config.getValue("tollgate.master-key", String.class);
        secret("master key", masterKey);
        byte[] masterKeyBytes = Base64.getDecoder().decode(masterKey);
        secret("master key (hex)", HexFormat.of().formatHex(masterKeyBytes));
        secret("master key (base64url)", Base64.getUrlEncoder().withoutPadding().encodeToString(masterKeyBytes));
        for (String slug : List.of(TENANT, "admin")) {
            privateKey(AttackStage.activeKey(slug));
        }
    }

    /** The login page, a failed sign-in, a good one; returns the code. */
    private String signIn(String clientId, String challenge) {
        RequestSpecification get = at().queryParam("response_type", "code").queryParam("client_id", clientId)
                .queryParam("redirect_uri", REDIRECT).queryParam("state", "leak-state");
        if (challenge != null) {
            get.queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256");
        }
        Response page = get.get("/oauth/authorize");
        page.then().statusCode(200);
        String cookie = page.cookie("tollgate_login_csrf");
        String field = page.htmlPath().getString("**.find { it.@name == 'csrf_token' }.@value");
        secret("login CSRF cookie", cookie);
        for (String password : List.of("Wrong-login-passw0rd-for-leaks", PASSWORD)) {
            secret("login password", password);
            RequestSpecification post = at().cookie("tollgate_login_csrf", cookie)
                    .formParam("response_type", "code").formParam("client_id", clientId)
                    .formParam("redirect_uri", REDIRECT).formParam("state", "leak-state")
                    .formParam("csrf_token", field).formParam("username", "shopper@leak.example")
                    .formParam("password", password).formParam("action", "sign_in");
            if (challenge != null) {
                post.formParam("code_challenge", challenge).formParam("code_challenge_method", "S256");
            }
            Response answer = post.post("/oauth/authorize");
            if (password.equals(PASSWORD)) {
                answer.then().statusCode(303);
                String code = query(answer.header("Location")).get("code");
                secret("authorization code", code);
                return code;
            }
            answer.then().statusCode(200).header("Location", org.hamcrest.Matchers.nullValue());
        }
        throw new IllegalStateException("unreachable");
    }

    private void privateKey(SigningKey key) {
        byte[] pkcs8 = key.privateKey().getEncoded();
        secret("private key (PKCS#8)", Base64.getEncoder().encodeToString(pkcs8));
        List<BigInteger> parts = switch (key.privateKey()) {
            case RSAPrivateCrtKey rsa -> List.of(rsa.getPrivateExponent(), rsa.getPrimeP(), rsa.getPrimeQ());
            case ECPrivateKey ec -> List.of(ec.getS());
            default -> throw new IllegalStateException("unexpected key " + key.algorithm());
        };
        int privateFrom = pkcs8.length;
        for (BigInteger part : parts) {
            // JWK "d" (and p, q): base64url of the unsigned big-endian bytes
            byte[] bytes = part.toByteArray();
            if (bytes[0] == 0) {
                bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
            }
            secret("private key JWK member", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            secret("private key component (hex)", HexFormat.of().formatHex(bytes));
            privateFrom = Math.min(privateFrom, indexOf(pkcs8, bytes));
        }
        // a PEM's lines of 64 characters (48 bytes) that hold only private material (not the public modulus)
        String pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8);
        String[] lines = pem.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (i * 48 >= privateFrom && lines[i].length() >= 16) {
                secret("private key PEM line", lines[i]);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalStateException("component not found in the encoded key");
    }

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    // ---- looking for the secrets

    /** The forms a secret could take in a log line or a column. */
    private static java.util.Set<String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        java.util.Set<String> forms = new java.util.LinkedHashSet<>(List.of(secret,
                URLEncoder.encode(secret, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                HexFormat.of().formatHex(bytes)));
        if (secret.chars().filter(c -> c == '.').count() == 2) {
            // a JWT: its signature alone would be enough to tell it was there
            forms.add(secret.substring(secret.lastIndexOf('.') + 1));
        }
        return forms;
    }

    private List<String> leaks(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        List<String> found = new ArrayList<>();
        secrets.forEach((what, value) -> {
            if (value.length() < 12) {
                throw new IllegalStateException(what + " is too short to look for reliably");
            }
            for (String form : forms(value)) {
                boolean hex = form.matches("[0-9a-f]+") && form.length() == value.getBytes(StandardCharsets.UTF_8).length * 2;
                if (hex ? lower.contains(form) : text.contains(form)) {
                    found.add(what + " as " + (form.equals(value) ? "itself" : form));
                }
            }
        });
        return found;
    }

    // ---- the log

    private static List<String> capture(Runnable work) {
        List<String> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(render(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger tollgate = Logger.getLogger("dev.tollgate");
        Level before = tollgate.getLevel();
        tollgate.setLevel(Level.FINE);
        root.addHandler(handler);
        try {
            work.run();
        } finally {
            root.removeHandler(handler);
            tollgate.setLevel(before);
        }
        return records;
    }

    /** Everything a handler could write: level, category, message with its parameters, MDC, the stack trace. */
    private static String render(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(' ');
        if (record instanceof ExtLogRecord ext) {
            line.append(ext.getFormattedMessage()).append(' ').append(ext.getMdcCopy());
        } else {
            line.append(record.getMessage());
        }
        if (record.getParameters() != null) {
            line.append(' ').append(Arrays.deepToString(record.getParameters()));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        return line.toString();
    }

    // ---- the database

    /** Every text-like and bytea value of every table, as text (bytea also as base64 and hex and raw). */
    private static String databaseText() throws Exception {
        Config config = ConfigProvider.getConfig();
        StringBuilder all = new StringBuilder();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                Statement s = c.createStatement()) {
            Map<String, List<String[]>> columns = new LinkedHashMap<>();
            try (ResultSet rows = s.executeQuery("select table_name, column_name, data_type "
                    + "from information_schema.columns where table_schema = 'public' and data_type in "
                    + "('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED') "
                    + "order by table_name, ordinal_position")) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>())
                            .add(new String[] {rows.getString(2), rows.getString(3)});
                }
            }
            assertTrue(columns.keySet().containsAll(List.of("client_secret", "tenant_user", "signing_key",
                    "refresh_token", "authorization_code", "audit_log")), "the scan sees the tables: " + columns.keySet());
            for (Map.Entry<String, List<String[]>> table : columns.entrySet()) {
                for (String[] column : table.getValue()) {
                    boolean bytea = column[1].equals("bytea");
                    String select = "select \"" + column[0] + "\"" + (bytea ? "" : "::text") + " from \""
                            + table.getKey() + "\"";
                    try (ResultSet values = s.executeQuery(select)) {
                        while (values.next()) {
                            if (bytea) {
                                byte[] bytes = values.getBytes(1);
                                if (bytes != null) {
                                    all.append(new String(bytes, StandardCharsets.ISO_8859_1)).append('\n')
                                            .append(Base64.getEncoder().encodeToString(bytes)).append('\n')
                                            .append(HexFormat.of().formatHex(bytes)).append('\n');
                                }
                            } else {
                                all.append(values.getString(1)).append('\n');
                            }
                        }
                    }
                }
            }
        }
        assertFalse(all.isEmpty());
        return all.toString();
    }
}
