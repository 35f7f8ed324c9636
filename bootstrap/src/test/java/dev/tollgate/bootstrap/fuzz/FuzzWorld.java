package dev.tollgate.bootstrap.fuzz;

import static io.restassured.RestAssured.given;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.bootstrap.support.AdminTokens;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fuzz test's own world, set up through the admin API the way an operator would: a tenant for the dialects (by
 * Host and by realm path) with a client per grant and a user, and a second tenant the admin API calls may change at
 * will. Valid values (codes, refresh tokens, assertions) are fetched fresh when a seed needs them; if that fails (a
 * rate limit, a value the fuzz itself revoked) the last good one is used: a stale value is still a fine input.
 */
final class FuzzWorld {

    static final String SLUG = "fuzz-dialects";
    static final String HOST = SLUG + ".fuzz.test";
    static final String ADMIN_TARGET = "fuzz-admin-target";
    static final String REDIRECT = "https://app.fuzz.test/callback";
    static final String EMAIL = "shopper@fuzz.test";
    static final String USERNAME = "fuzz-shopper";
    static final String PASSWORD = "Correct-Horse-Battery-Staple-42";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Supplier<Instant> serviceClock;
    final String publicUrl;
    final String ccSecret;
    final String webSecret;
    final String jwtSecret;
    final String storeSecret;
    final RSAKey rsa;
    final String victimSecret;
    final String victimUserId;
    final String challenge;
    /** The login form's CSRF cookie and field: stateless, they stay valid for the run. */
    final String csrfCookie;
    final String csrfField;

    private String operator;
    private String ccToken;
    private String implicitToken;
    private long implicitFetched = System.nanoTime();
    private String refreshToken;
    private String code;
    private String v0Refresh;
    private final List<String> tokens = new ArrayList<>();
    private int created;
    private final Set<String> tenantsBefore;

    FuzzWorld(Supplier<Instant> serviceClock, String publicUrl) throws Exception {
        this.serviceClock = serviceClock;
        this.publicUrl = publicUrl.replaceAll("/$", "");
        operator = AdminTokens.operator();
        expect(201, admin().contentType(ContentType.JSON)
                .body("{\"slug\":\"" + SLUG + "\",\"display_name\":\"Fuzz <dialects>\",\"domains\":[\"" + HOST + "\"]}")
                .post("/admin/tenants"));
        ccSecret = client(SLUG, "{\"client_id\":\"fz-cc\",\"name\":\"Machine\",\"grant_types\":[\"client_credentials\"],"
                + "\"scopes\":[\"catalog:read\",\"orders:read\"]}");
        webSecret = client(SLUG, "{\"client_id\":\"fz-web\",\"name\":\"Web app\",\"grant_types\":[\"authorization_code\","
                + "\"refresh_token\",\"password\"],\"scopes\":[\"catalog:read\",\"orders:write\"],\"redirect_uris\":[\""
                + REDIRECT + "\"]}");
        client(SLUG, "{\"client_id\":\"fz-spa\",\"name\":\"SPA\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"redirect_uris\":[\"" + REDIRECT + "\"]}");
        jwtSecret = client(SLUG, "{\"client_id\":\"fz-jwt\",\"name\":\"JWT bearer\",\"grant_types\":[\"" + JWT_BEARER
                + "\"],\"scopes\":[\"catalog:read\"]}");
        rsa = new RSAKeyGenerator(2048).keyID("fz-rsa-1").generate();
        client(SLUG, "{\"client_id\":\"fz-keys\",\"name\":\"Registered keys\",\"grant_types\":[\"" + JWT_BEARER
                + "\"],\"jwks\":{\"keys\":[" + rsa.toPublicJWK().toJSONString() + "]}}");
        storeSecret = client(SLUG, "{\"client_id\":\"fz-store\",\"name\":\"Store\",\"grant_types\":[\"client_credentials\","
                + "\"implicit\"],\"scopes\":[\"catalog:read\",\"carts:read\"]}");
        expect(201, admin().contentType(ContentType.JSON).body("{\"email\":\"" + EMAIL + "\",\"username\":\""
                + USERNAME + "\",\"name\":\"Shopper\",\"password\":\"" + PASSWORD + "\"}")
                .post("/admin/tenants/" + SLUG + "/users"));

        expect(201, admin().contentType(ContentType.JSON).body("{\"slug\":\"" + ADMIN_TARGET + "\",\"domains\":[\""
                + ADMIN_TARGET + ".fuzz.test\"]}").post("/admin/tenants"));
        victimSecret = client(ADMIN_TARGET, "{\"client_id\":\"fz-victim\",\"name\":\"Victim\","
                + "\"grant_types\":[\"client_credentials\"]}");
        victimUserId = expect(201, admin().contentType(ContentType.JSON)
                .body("{\"email\":\"victim@fuzz.test\",\"password\":\"Correct-horse-battery-0123\"}")
                .post("/admin/tenants/" + ADMIN_TARGET + "/users")).path("id");

        challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        Response page = expect(200, given().header("Host", HOST).queryParams(authorizationRequest())
                .get("/oauth/authorize"));
        csrfCookie = page.getCookie("tollgate_login_csrf");
        Matcher field = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"").matcher(page.asString());
        if (csrfCookie == null || !field.find()) {
            throw new IllegalStateException("the login page carries no CSRF cookie and field");
        }
        csrfField = field.group(1);

        ccToken = clientCredentials();
        implicitToken = expect(200, given().header("Host", HOST).formParam("grant_type", "implicit")
                .formParam("client_id", "fz-store").post("/oauth/access_token")).path("access_token");
        Response password = given().header("Host", HOST).auth().preemptive().basic("fz-web", webSecret)
                .formParam("grant_type", "password").formParam("username", EMAIL).formParam("password", PASSWORD)
                .post("/oauth/token");
        expect(200, password);
        refreshToken = password.path("refresh_token");
        Response v0 = given().header("Host", HOST).formParam("grant_type", "password").formParam("username", EMAIL)
                .formParam("password", PASSWORD).post("/v0/token");
        expect(200, v0);
        v0Refresh = v0.path("refresh_token");
        code = freshCode();
        tokens.addAll(List.of(ccToken, implicitToken, refreshToken, password.path("access_token"),
                v0.path("access_token"), v0Refresh, AdminTokens.token(ADMIN_TARGET, "fz-victim", victimSecret)));
        tenantsBefore = new HashSet<>(tenantSlugs());
    }

    // ---- values for the seeds

    Map<String, String> authorizationRequest() {
        return Map.of("response_type", "code", "client_id", "fz-web", "redirect_uri", REDIRECT, "state", "st-<b>&'\"",
                "scope", "catalog:read", "code_challenge", challenge, "code_challenge_method", "S256");
    }

    String ccToken() {
        return ccToken;
    }

    /** The store's implicit token, fetched again after a while: a long run outlives its lifetime. */
    synchronized String implicitToken() {
        if (System.nanoTime() - implicitFetched > TimeUnit.MINUTES.toNanos(10)) {
            try {
                Response response = given().header("Host", HOST).formParam("grant_type", "implicit")
                        .formParam("client_id", "fz-store").post("/oauth/access_token");
                if (response.statusCode() == 200) {
                    implicitToken = response.path("access_token");
                    implicitFetched = System.nanoTime();
                }
            } catch (RuntimeException e) {
                // keep the last one
            }
        }
        return implicitToken;
    }

    /** Tokens of this world's tenants, for swapping into places where another one is expected. */
    List<String> tokens() {
        return tokens;
    }

    String v0Refresh() {
        return v0Refresh;
    }

    /** A new authorization code of fz-web (with the PKCE challenge of {@link #VERIFIER}). */
    synchronized String code() {
        try {
            code = freshCode();
        } catch (RuntimeException | AssertionError e) {
            // keep the last one
        }
        return code;
    }

    /** A refresh token that has not been used yet (they rotate on use). */
    synchronized String refreshToken() {
        try {
            Response response = given().header("Host", HOST).auth().preemptive().basic("fz-web", webSecret)
                    .formParam("grant_type", "password").formParam("username", EMAIL).formParam("password", PASSWORD)
                    .post("/oauth/token");
            if (response.statusCode() == 200) {
                refreshToken = response.path("refresh_token");
            }
        } catch (RuntimeException e) {
            // keep the last one
        }
        return refreshToken;
    }

    /** A JWT bearer assertion of fz-jwt for the shopper, issued now (service clock), HS256 with the secret. */
    String hs256Assertion(String audience) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims("fz-jwt", audience));
            jwt.sign(new MACSigner(jwtSecret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same from fz-keys, RS256 with its registered key. */
    String rs256Assertion(String audience) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims("fz-keys", audience));
            jwt.sign(new RSASSASigner(rsa));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet claims(String issuer, String audience) {
        Instant now = serviceClock.get();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(EMAIL).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()).build();
    }

    String issuer() {
        return publicUrl + "/auth/realms/" + SLUG;
    }

    /** The operator's admin token, fetched again when the fuzz reports that it stopped working. */
    synchronized String operator() {
        return operator;
    }

    synchronized void operatorRefused() {
        try {
            operator = AdminTokens.operator();
        } catch (RuntimeException | AssertionError e) {
            // keep the last one
        }
    }

    /** A new name for something an admin call creates. */
    synchronized int next() {
        return created++;
    }

    // ---- set-up and clean-up helpers

    private String freshCode() {
        Map<String, String> form = new java.util.HashMap<>(authorizationRequest());
        form.put("csrf_token", csrfField);
        form.put("username", EMAIL);
        form.put("password", PASSWORD);
        form.put("action", "sign_in");
        Response response = given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig()
                        .followRedirects(false)))
                .header("Host", HOST).cookie("tollgate_login_csrf", csrfCookie).formParams(form).post("/oauth/authorize");
        if (response.statusCode() != 303) {
            throw new IllegalStateException("no code: " + response.statusCode());
        }
        String query = URI.create(response.header("Location")).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no code in the redirect");
    }

    private String clientCredentials() {
        return expect(200, given().header("Host", HOST).auth().preemptive().basic("fz-cc", ccSecret)
                .formParam("grant_type", "client_credentials").post("/oauth/token")).path("access_token");
    }

    private io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(operator);
    }

    private String client(String tenant, String json) {
        return expect(201, admin().contentType(ContentType.JSON).body(json).post("/admin/tenants/" + tenant + "/clients"))
                .path("client_secret");
    }

    /** The response, if it has the status; else a failure that shows what came instead. */
    private static Response expect(int status, Response response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("set-up: expected " + status + ", got " + response.statusCode() + " "
                    + response.asString());
        }
        return response;
    }

    private List<String> tenantSlugs() {
        List<String> slugs = new ArrayList<>();
        int offset = 0;
        while (true) {
            Response page = given().auth().oauth2(AdminTokens.operator())
                    .queryParam("offset", offset).queryParam("limit", 200).get("/admin/tenants");
            page.then().statusCode(200);
            slugs.addAll(page.jsonPath().getList("items.slug", String.class));
            Integer next = page.path("next_offset");
            if (next == null) {
                return slugs;
            }
            offset = next;
        }
    }

    /** Removes the tenants the fuzz created through the admin API (disabled first, as deletion requires). */
    List<String> removeCreatedTenants() {
        List<String> removed = new ArrayList<>();
        String admin = AdminTokens.operator();
        for (String slug : tenantSlugs()) {
            if (tenantsBefore.contains(slug)) {
                continue;
            }
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"enabled\":false}")
                    .patch("/admin/tenants/" + slug).then().statusCode(200);
            given().auth().oauth2(admin).delete("/admin/tenants/" + slug).then().statusCode(204);
            removed.add(slug);
        }
        return removed;
    }
}
