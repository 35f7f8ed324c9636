package dev.tollgate.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.bootstrap.security.Forgeries.Forgery;
import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.domain.key.SigningKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forged bearer tokens (RFC 8725 §2: alg none, HS/RS confusion, keys named or carried by the token, tokens of another
 * tenant, time, audience and issuer claims, crit) against every place that takes one of Tollgate's own tokens: the
 * admin API, introspection in both dialects and the Moltin customer-token endpoint. Each forged token must be refused
 * in that endpoint's own way (401 {@code invalid_token}, {@code {"active":false}}, a JSON:API 401), never accepted
 * and never a 500; the genuine token's claims re-signed with the real key are accepted, so each refusal is about the
 * one thing that was changed. Nothing is ever fetched from a {@code jku} or {@code x5u} URL. Forgeries that need
 * the tenant's own private key (claims the service never issues, signed with it: an iat or nbf in the future, no exp,
 * crit, ...) are refused too.
 *
 * <p>What is covered elsewhere and not repeated: a missing, garbage or tampered bearer and another tenant's genuine
 * token at the customer-token endpoint (CustomerTokenTest), an expired genuine token at introspection
 * (IntrospectionTest), a scope-less or another tenant's client token at the admin API (ClientAdminApiTest).
 */
@QuarkusTest
class ForgedBearerTokenTest {

    private static final String TENANT = "atk-bearer";
    private static final String OTHER = "atk-bearer-other";

    private static AttackStage stage;
    private static AttackStage other;
    private static RSAKey attacker;
    private static HttpServer attackerServer;
    private static final AtomicInteger ATTACKER_HITS = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        if (stage != null) {
            return;
        }
        stage = AttackStage.create(TENANT);
        other = AttackStage.create(OTHER);
        attacker = new RSAKeyGenerator(2048).keyID("attacker-kid").generate();
        // the attacker's key server: a JWKS and a certificate URL that must never be asked for
        attackerServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attackerServer.createContext("/", exchange -> {
            ATTACKER_HITS.incrementAndGet();
            byte[] body = ("{\"keys\":[" + attacker.toPublicJWK().toJSONString() + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attackerServer.start();
    }

    @AfterAll
    static void stopAttackerServer() {
        if (attackerServer != null) {
            attackerServer.stop(0);
        }
    }

    private static URI attackerUrl() {
        return URI.create("http://127.0.0.1:" + attackerServer.getAddress().getPort() + "/");
    }

    /** Forgeries of {@code genuine}, a token of {@code slug}, with {@code otherSlug} as the other tenant. */
    private static Forgeries forgeries(String genuine, String slug, String otherSlug) {
        SigningKey key = AttackStage.activeKey(slug);
        return new Forgeries(genuine, key, publicJwk(slug, key.keyId()), Forgeries.pem(key.publicKey()),
                AttackStage.activeKey(otherSlug), AttackStage.issuer(otherSlug), attacker, attackerUrl());
    }

    /** The key's entry of the tenant's JWKS as served, re-serialized compactly in its served member order. */
    private static String publicJwk(String slug, String kid) {
        List<Map<String, Object>> keys = given().get("/auth/realms/" + slug + "/protocol/openid-connect/certs")
                .then().statusCode(200).extract().path("keys");
        Map<String, Object> jwk = keys.stream().filter(k -> kid.equals(k.get("kid"))).findFirst().orElseThrow();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(jwk);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs every forgery against an endpoint and collects the ones not refused as expected, to report them all at
     * once: every one must be refused, those signed with the tenant's own key included.
     */
    private static void allRefused(Forgeries forgeries, Function<String, Response> call, String endpoint,
            Consumer<Response> refused) {
        List<Forgery> tried = new ArrayList<>(forgeries.withoutTheKey());
        tried.addAll(forgeries.withTheKey());
        List<String> failures = new ArrayList<>();
        for (Forgery forgery : tried) {
            Response response = call.apply(forgery.token());
            try {
                refused.accept(response);
            } catch (AssertionError e) {
                failures.add(forgery.name() + " -> " + response.statusCode() + " " + response.asString());
            }
        }
        assertTrue(failures.isEmpty(), endpoint + " did not refuse:\n" + String.join("\n", failures));
        assertEquals(0, ATTACKER_HITS.get(), "a key URL named by a token was fetched");
    }

    // ---- the admin API

    private static Response admin(String bearer) {
        return given().auth().oauth2(bearer).get("/admin/tenants/" + TENANT + "/clients");
    }

    private static void adminRefused(Response response) {
        response.then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("error", equalTo("invalid_token"))
                .body("$", not(org.hamcrest.Matchers.hasKey("items")));
    }

    @Test
    void theAdminApiRefusesEveryForgeryOfAnOperatorToken() {
        Forgeries forgeries = forgeries(AdminTokens.operator(), "admin", TENANT);
        admin(forgeries.control()).then().statusCode(200).body("items", notNullValue());
        allRefused(forgeries, ForgedBearerTokenTest::admin, "the admin API", ForgedBearerTokenTest::adminRefused);
    }

    @Test
    void theAdminApiRefusesATenantsTokenThatClaimsToBeTheAdminTenants() {
        // a genuine token of a tenant, its tenant claim rewritten to "admin" and re-signed by that tenant's key
        Forgeries tenantKeys = forgeries(stage.storeToken(), TENANT, "admin");
        String claimsAdmin = Forgeries.signed(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                        .keyID(tenantKeys.key().keyId()).build(),
                Forgeries.with(tenantKeys.claims(), b -> b.claim("tenant", "admin")
                        .claim("scope", "tenants:manage clients:manage")),
                new RSASSASigner(tenantKeys.key().privateKey()));
        adminRefused(admin(claimsAdmin));
        adminRefused(given().auth().oauth2(claimsAdmin).get("/admin/tenants"));
    }

    // ---- introspection (RFC 7662 §2.2: anything not a valid token of this tenant is {"active": false})

    private static void inactive(Response response) {
        response.then().statusCode(200).contentType(ContentType.JSON);
        assertEquals(Map.of("active", false), response.as(Map.class));
    }

    @Test
    void introspectionCallsEveryForgeryInactive() {
        Forgeries forgeries = forgeries(stage.storeToken(), TENANT, OTHER);
        stage.introspect(forgeries.control()).then().statusCode(200).body("active", equalTo(true));
        stage.introspectAtRealm(forgeries.control()).then().statusCode(200).body("active", equalTo(true));
        allRefused(forgeries, stage::introspect, "/oauth/introspect", ForgedBearerTokenTest::inactive);
        allRefused(forgeries, stage::introspectAtRealm, "the realm's introspection", ForgedBearerTokenTest::inactive);
    }

    // ---- the customer-token endpoint (seed 004): the store's token is the bearer

    private static void invalidAccessToken(Response response) {
        response.then().statusCode(401).contentType(ContentType.JSON)
                .body("errors.size()", equalTo(1))
                .body("errors[0].status", equalTo("401"))
                .body("errors[0].title", equalTo("Invalid Access Token"));
        assertTrue(!response.asString().contains("\"data\""), response.asString());
    }

    @Test
    void theCustomerTokenEndpointRefusesEveryForgeryOfAStoreToken() {
        Forgeries forgeries = forgeries(stage.storeToken(), TENANT, OTHER);
        stage.customerToken(forgeries.control()).then().statusCode(200).body("data.customer_id",
                equalTo(stage.customerId()));
        allRefused(forgeries, stage::customerToken, "/v2/customers/tokens", ForgedBearerTokenTest::invalidAccessToken);
    }

    // ---- tokens that are genuine but not meant for the place they are shown

    @Test
    void aUserOrCustomerTokenIsNoAdminToken() {
        // a client that may manage the tenant's clients and also signs users in with their password
        String secret = AttackStage.client(TENANT, "{\"client_id\":\"console\",\"name\":\"Console\","
                + "\"grant_types\":[\"client_credentials\",\"password\"],\"scopes\":[\"clients:manage\"]}");
        String clientToken = AdminTokens.token(TENANT, "console", secret);
        admin(clientToken).then().statusCode(200);
        // the customer signs in through it: the token carries the client's scopes, but it is the customer's
        String userToken = stage.request().auth().preemptive().basic("console", secret)
                .formParam("grant_type", "password").formParam("username", AttackStage.CUSTOMER_EMAIL)
                .formParam("password", AttackStage.CUSTOMER_PASSWORD).post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
        assertEquals("clients:manage", JsonPath.from(new String(Base64.getUrlDecoder()
                .decode(userToken.split("\\.")[1]), StandardCharsets.UTF_8)).getString("scope"));
        adminRefused(admin(userToken));
        // a Moltin customer token and an implicit token (anyone may get one) are no admin tokens either
        String customerToken = stage.customerToken(stage.storeToken()).then().statusCode(200).extract()
                .path("data.token");
        adminRefused(admin(customerToken));
        String implicitToken = stage.request().contentType(ContentType.URLENC).formParam("grant_type", "implicit")
                .formParam("client_id", AttackStage.STORE).post("/oauth/access_token").then().statusCode(200)
                .extract().path("access_token");
        adminRefused(admin(implicitToken));
    }

    @Test
    void anIdTokenOrARefreshTokenIsNoBearer() {
        // RFC 7523 ID tokens have the client as audience; the admin API and the customer endpoint refuse them
        String secret = AttackStage.client(TENANT, "{\"client_id\":\"signer\",\"name\":\"Signer\","
                + "\"grant_types\":[\"urn:ietf:params:oauth:grant-type:jwt-bearer\",\"password\",\"refresh_token\"],"
                + "\"scopes\":[\"clients:manage\"]}");
        Response password = stage.request().auth().preemptive().basic("signer", secret)
                .formParam("grant_type", "password").formParam("username", AttackStage.CUSTOMER_EMAIL)
                .formParam("password", AttackStage.CUSTOMER_PASSWORD).post("/oauth/token");
        String refresh = password.then().statusCode(200).extract().path("refresh_token");
        adminRefused(admin(refresh));
        invalidAccessToken(stage.customerToken(refresh));

        JWTClaimsSet assertion = new JWTClaimsSet.Builder().issuer("signer").subject(AttackStage.CUSTOMER_EMAIL)
                .issueTime(Date.from(AttackStage.serviceNow())).build();
        String idToken = stage.request().formParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .formParam("assertion", Forgeries.hs256(assertion, secret))
                .post("/oauth/token").then().statusCode(200).extract().path("id_token");
        adminRefused(admin(idToken));
        invalidAccessToken(stage.customerToken(idToken));
        inactive(stage.introspect(idToken));
    }
}
