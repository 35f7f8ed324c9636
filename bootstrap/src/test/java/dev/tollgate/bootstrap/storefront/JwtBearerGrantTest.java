package dev.tollgate.bootstrap.storefront;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tollgate.bootstrap.support.AdminTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 §3 end to end: the seed's curl call translated one to one (an HS256 assertion signed with the client
 * secret, only grant_type and assertion in the form), every refusal with its status and error code, RS256/ES256 with
 * keys registered through the admin API. Tenant, users and clients are created through the admin API.
 */
@QuarkusTest
class JwtBearerGrantTest {

    private static final String TENANT = "jwt-storefront";
    private static final String HOST = "jwt.storefront.test";
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** Set up once per class; the Quarkus application outlives the test instances. */
    private static World world;

    private record World(String issuer, String admin, Map<String, String> secrets, Map<String, String> userIds,
            RSAKey rsa, ECKey ec) {
    }

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void setUp() throws Exception {
        if (world != null) {
            return;
        }
        String admin = AdminTokens.operator();
        String issuer = ConfigProvider.getConfig().getValue("tollgate.public-url", String.class)
                .replaceAll("/$", "") + "/auth/realms/" + TENANT;
        adminPost(admin, "/admin/tenants", Map.of("slug", TENANT, "domains", List.of(HOST), "profile", "storefront",
                "default_view", "default_view"))
                .then().statusCode(201).body("default_view", equalTo("default_view"));
        Map<String, String> userIds = new java.util.HashMap<>();
        for (Map<String, Object> user : List.<Map<String, Object>>of(
                Map.of("email", "root@storefront.run", "name", "root"),
                Map.of("email", "viewer@storefront.run", "name", "Viewer", "view", "own_view"),
                Map.of("email", "owner@storefront.run", "name", "Owner"))) {
            Map<String, Object> body = new java.util.HashMap<>(user);
            body.put("password", "Correct-Horse-Battery-Staple-42");
            Response created = adminPost(admin, "/admin/tenants/" + TENANT + "/users", body);
            created.then().statusCode(201);
            userIds.put((String) user.get("email"), created.path("id"));
        }
        given().auth().oauth2(admin).get("/admin/tenants/" + TENANT + "/users/" + userIds.get("viewer@storefront.run"))
                .then().statusCode(200).body("view", equalTo("own_view"));

        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        Map<String, String> secrets = new java.util.HashMap<>();
        secrets.put("sf-hs256", client(admin, Map.of("client_id", "sf-hs256", "name", "Storefront HS256",
                "grant_types", List.of(GRANT), "scopes", List.of("catalog", "orders"))));
        secrets.put("sf-cc", client(admin, Map.of("client_id", "sf-cc", "name", "No JWT bearer",
                "grant_types", List.of("client_credentials"))));
        secrets.put("sf-owned", client(admin, Map.of("client_id", "sf-owned", "name", "User-scoped",
                "kind", "user", "owner", userIds.get("owner@storefront.run"), "grant_types", List.of(GRANT))));
        secrets.put("sf-keys", client(admin, Map.of("client_id", "sf-keys", "name", "Registered keys",
                "grant_types", List.of(GRANT),
                "jwks", Map.of("keys", List.of(rsa.toPublicJWK().toJSONObject(), ec.toPublicJWK().toJSONObject())))));
        world = new World(issuer, admin, secrets, userIds, rsa, ec);
    }

    // ---- the seed's call

    @Test
    void theSeedsCurlCallGetsAnAccessTokenAndAnIdTokenWithoutRefreshToken() throws Exception {
        String assertion = hs256(seed().build(), secret("sf-hs256"));
        // curl --location '<your domain>/oauth/token' --data-urlencode 'grant_type=…' --data-urlencode 'assertion=…'
        Response response = given().header("Host", HOST)
                .formParam("grant_type", GRANT)
                .formParam("assertion", assertion)
                .post("/oauth/token");
        response.then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(899))
                .body("access_token", notNullValue())
                .body("id_token", notNullValue())
                .body("$", not(hasKey("refresh_token")));

        JWTClaimsSet access = verify(response.path("access_token"));
        String rootId = world.userIds().get("root@storefront.run");
        assertEquals(world.issuer(), access.getIssuer());
        assertEquals(rootId, access.getSubject());
        assertEquals("sf-hs256", access.getStringClaim("client_id"));
        assertEquals("sf-hs256", access.getStringClaim("azp"));
        assertEquals("jwt-bearer", access.getStringClaim("gty"));
        assertEquals("catalog orders", access.getStringClaim("scope"));
        assertEquals("default_view", access.getStringClaim("view"), "root has no view: the tenant's default");
        assertEquals(899, (access.getExpirationTime().getTime() - access.getIssueTime().getTime()) / 1000);

        JWTClaimsSet id = verify(response.path("id_token"));
        assertEquals(world.issuer(), id.getIssuer());
        assertEquals(rootId, id.getSubject());
        assertEquals(List.of("sf-hs256"), id.getAudience());
        assertEquals("root@storefront.run", id.getStringClaim("email"));
        assertEquals("root", id.getStringClaim("name"));
        assertEquals("default_view", id.getStringClaim("view"));
        assertEquals(access.getExpirationTime(), id.getExpirationTime());
    }

    @Test
    void theRealmTokenEndpointAnswersTooAndAcceptsItsUrlAsAudience() throws Exception {
        String endpoint = world.issuer() + "/protocol/openid-connect/token";
        Response response = given().formParam("grant_type", GRANT)
                .formParam("assertion", hs256(seed().audience(endpoint).build(), secret("sf-hs256")))
                .post("/auth/realms/" + TENANT + "/protocol/openid-connect/token");
        response.then().statusCode(200).body("id_token", notNullValue()).body("$", not(hasKey("refresh_token")));
        assertEquals(world.userIds().get("root@storefront.run"), verify(response.path("access_token")).getSubject());
    }

    @Test
    void theIssuerIsAnAcceptedAudienceAndAJsonBodyWorksAsOnEveryStorefrontCall() throws Exception {
        given().header("Host", HOST).contentType(ContentType.JSON)
                .body(Map.of("grant_type", GRANT, "assertion",
                        hs256(seed().audience(List.of("https://elsewhere.test", world.issuer())).build(),
                                secret("sf-hs256"))))
                .post("/oauth/token").then().statusCode(200);
    }

    @Test
    void aClientThatAuthenticatesMustBeTheIssuer() throws Exception {
        given().header("Host", HOST).auth().preemptive().basic("sf-hs256", secret("sf-hs256"))
                .formParam("grant_type", GRANT).formParam("assertion", hs256(seed().build(), secret("sf-hs256")))
                .post("/oauth/token").then().statusCode(200);
        refused(given().header("Host", HOST).auth().preemptive().basic("sf-owned", secret("sf-owned"))
                .formParam("grant_type", GRANT).formParam("assertion", hs256(seed().build(), secret("sf-hs256")))
                .post("/oauth/token"), 400, "invalid_grant");
    }

    // ---- views

    @Test
    void theViewFollowsTheSeedsThreeCases() throws Exception {
        assertEquals("own_view", viewOf(seed().subject("viewer@storefront.run")), "absent: the user's view");
        assertEquals("default_view", viewOf(seed().subject("viewer@storefront.run").claim("view", "")),
                "empty: the tenant's default view");
        assertEquals("external_view", viewOf(seed().claim("view", "external_view")), "a view id: that view");
    }

    // ---- refusals

    @Test
    void algNoneIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"sub\":\"root@storefront.run\",\"iss\":\"sf-hs256\",\"iat\":" + now() + "}");
        refused(token(header + "." + payload + "."), 400, "invalid_grant");
    }

    @Test
    void algorithmConfusionIsRefused() throws Exception {
        // HS256 from a client with registered keys, keyed with its own public key or with its secret
        refused(token(hs256(seed().issuer("sf-keys").build(), world.rsa().toPublicJWK().toJSONString())), 400,
                "invalid_grant");
        refused(token(hs256(seed().issuer("sf-keys").build(), secret("sf-keys"))), 400, "invalid_grant");
        // RS256 from a client without registered keys
        refused(token(signed(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(world.rsa()), seed().build())), 400,
                "invalid_grant");
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        refused(token(hs256(seed().build(), secret("sf-cc"))), 400, "invalid_grant");
    }

    @Test
    void timeClaimsAreChecked() throws Exception {
        Instant now = serviceNow();
        refused(token(hs256(seed().expirationTime(Date.from(now.minusSeconds(120))).build(), secret("sf-hs256"))),
                400, "invalid_grant");
        refused(token(hs256(seed().issueTime(Date.from(now.minusSeconds(900))).build(), secret("sf-hs256"))),
                400, "invalid_grant");
        refused(token(hs256(seed().issueTime(Date.from(now.plusSeconds(600))).build(), secret("sf-hs256"))),
                400, "invalid_grant");
        refused(token(hs256(seed().notBeforeTime(Date.from(now.plusSeconds(600))).build(), secret("sf-hs256"))),
                400, "invalid_grant");
        refused(token(hs256(new JWTClaimsSet.Builder().issuer("sf-hs256").subject("root@storefront.run").build(),
                secret("sf-hs256"))), 400, "invalid_grant");
    }

    @Test
    void theSeedsOwnSampleAssertionOf2024IsTooOld() {
        refused(token("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyb290QHN0b3JlZnJvbnQucnVuIiwiaXNzIjoiYzZiMzlkMG"
                + "MtNDVlMC00OTE3LWJmMzctMjc1OTA5MThjYjI5IiwibmFtZSI6InJvb3QiLCJpYXQiOjE3MDgwNzIwMDV9."
                + "JaFkajBD1_mLQPYnLZYny8aeYr3Y_S7qy6eBqnQamjU"), 400, "invalid_grant");
    }

    @Test
    void aWrongAudienceIsRefused() throws Exception {
        refused(token(hs256(seed().audience("https://other.example/oauth/token").build(), secret("sf-hs256"))), 400,
                "invalid_grant");
    }

    @Test
    void aReplayedJtiIsRefused() throws Exception {
        String jti = UUID.randomUUID().toString();
        given().header("Host", HOST).formParam("grant_type", GRANT)
                .formParam("assertion", hs256(seed().jwtID(jti).build(), secret("sf-hs256")))
                .post("/oauth/token").then().statusCode(200);
        // the same id in a newly signed assertion is still a replay
        refused(token(hs256(seed().jwtID(jti).claim("view", "other").build(), secret("sf-hs256"))), 400,
                "invalid_grant");
    }

    @Test
    void unknownIssuerClientWithoutTheGrantAndUnknownUserAreRefused() throws Exception {
        refused(token(hs256(seed().issuer("nobody").build(), secret("sf-hs256"))), 400, "invalid_grant");
        refused(token(hs256(seed().issuer("sf-cc").build(), secret("sf-cc"))), 400, "unauthorized_client");
        refused(token(hs256(seed().subject("nobody@storefront.run").build(), secret("sf-hs256"))), 400,
                "invalid_grant");
    }

    @Test
    void aUserScopedClientActsOnlyForItsOwner() throws Exception {
        Response owner = token(hs256(seed().issuer("sf-owned").subject("owner@storefront.run").build(),
                secret("sf-owned")));
        owner.then().statusCode(200);
        assertEquals(world.userIds().get("owner@storefront.run"), verify(owner.path("access_token")).getSubject());
        refused(token(hs256(seed().issuer("sf-owned").build(), secret("sf-owned"))), 400, "invalid_grant");
    }

    @Test
    void malformedAssertionsAreInvalidGrantsAndAMissingOneIsAnInvalidRequest() {
        for (String malformed : new String[] {"abc", "a.b", "a.b.c.d", "e30.e30.", "!!.??.##",
                b64("{\"alg\":\"HS256\"}") + "." + b64("{\"iss\":42}") + ".c2ln",
                b64("{\"alg\":\"HS256\"}") + "." + b64("[]") + ".c2ln",
                b64("{\"alg\":\"HS256\",\"crit\":[\"x\"],\"x\":1}") + "." + b64("{}") + ".c2ln"}) {
            refused(token(malformed), 400, "invalid_grant");
        }
        refused(given().header("Host", HOST).formParam("grant_type", GRANT).post("/oauth/token"), 400,
                "invalid_request");
    }

    // ---- secrets at rest and their life cycle

    @Test
    void theSealedSecretIsNotThePlainSecret() throws Exception {
        List<String[]> rows = secretRows("sf-hs256");
        assertEquals(1, rows.size());
        String digest = rows.getFirst()[0];
        String sealed = rows.getFirst()[1];
        assertTrue(digest.startsWith("hmac-sha256:v1:"));
        assertTrue(sealed.startsWith("aes-gcm:v1:"), sealed.substring(0, 11));
        assertFalse(sealed.contains(secret("sf-hs256")));
        assertNull(secretRows("sf-cc").getFirst()[1], "no sealed copy without the grant");
    }

    @Test
    void addingTheGrantNeedsARotationAndRemovingItDropsTheSealedCopy() throws Exception {
        String original = client(world.admin(), Map.of("client_id", "sf-late", "name", "Late",
                "grant_types", List.of("client_credentials")));
        adminPatch("/admin/tenants/" + TENANT + "/clients/sf-late", Map.of("grant_types",
                List.of("client_credentials", GRANT))).then().statusCode(200);
        refused(token(hs256(seed().issuer("sf-late").build(), original)), 400, "invalid_grant");

        String rotated = given().auth().oauth2(world.admin()).contentType(ContentType.JSON).body("{\"grace_seconds\":300}")
                .post("/admin/tenants/" + TENANT + "/clients/sf-late/secret")
                .then().statusCode(201).extract().path("client_secret");
        token(hs256(seed().issuer("sf-late").build(), rotated)).then().statusCode(200);

        adminPatch("/admin/tenants/" + TENANT + "/clients/sf-late", Map.of("grant_types",
                List.of("client_credentials"))).then().statusCode(200);
        assertTrue(secretRows("sf-late").stream().allMatch(row -> row[1] == null));
        given().header("Host", HOST).auth().preemptive().basic("sf-late", rotated)
                .formParam("grant_type", "client_credentials").post("/oauth/token").then().statusCode(200);
    }

    // ---- registered public keys

    @Test
    void rs256AndEs256AssertionsVerifyWithKeysRegisteredThroughTheAdminApi() throws Exception {
        Response rs = token(signed(JWSAlgorithm.RS256, "rsa-1", new RSASSASigner(world.rsa()),
                seed().issuer("sf-keys").build()));
        rs.then().statusCode(200);
        assertEquals("sf-keys", verify(rs.path("access_token")).getStringClaim("client_id"));
        token(signed(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(world.ec()), seed().issuer("sf-keys").build()))
                .then().statusCode(200);
        token(signed(JWSAlgorithm.ES256, null, new ECDSASigner(world.ec()), seed().issuer("sf-keys").build()))
                .then().statusCode(200);

        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        refused(token(signed(JWSAlgorithm.ES256, "ec-1", new ECDSASigner(stranger), seed().issuer("sf-keys").build())),
                400, "invalid_grant");
        refused(token(signed(JWSAlgorithm.RS256, "ec-1", new RSASSASigner(world.rsa()),
                seed().issuer("sf-keys").build())), 400, "invalid_grant");
    }

    @Test
    void theAdminApiShowsPublicKeysAndRefusesPrivateOrSymmetricOnes() throws Exception {
        given().auth().oauth2(world.admin()).get("/admin/tenants/" + TENANT + "/clients/sf-keys")
                .then().statusCode(200)
                .body("jwks.keys.kid", equalTo(List.of("rsa-1", "ec-1")))
                .body("jwks.keys[0]", not(hasKey("d")));
        RSAKey privateKey = new RSAKeyGenerator(2048).generate();
        for (Object jwks : new Object[] {
                Map.of("keys", List.of(privateKey.toJSONObject())),
                Map.of("keys", List.of(Map.of("kty", "oct", "k", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA"))),
                Map.of("keys", List.of(Map.of("kty", "XYZ"))),
                Map.of("keys", elevenKeys()),
                "not an object"}) {
            adminPatch("/admin/tenants/" + TENANT + "/clients/sf-keys", Map.of("jwks", jwks))
                    .then().statusCode(400).body("error", equalTo("invalid_request")).body("field", equalTo("jwks"));
        }
        given().auth().oauth2(world.admin()).contentType(ContentType.JSON).body("{\"jwks\":null}")
                .patch("/admin/tenants/" + TENANT + "/clients/sf-owned")
                .then().statusCode(200).body("$", not(hasKey("jwks")));
    }

    @Test
    void adminViewsValidateTheViewFields() {
        adminPatch("/admin/tenants/" + TENANT + "/users/" + world.userIds().get("owner@storefront.run"),
                Map.of("view", "two words")).then().statusCode(400).body("field", equalTo("view"));
        adminPatch("/admin/tenants/" + TENANT, Map.of("default_view", "x".repeat(101)))
                .then().statusCode(400).body("field", equalTo("default_view"));
        given().auth().oauth2(world.admin()).get("/admin/tenants/" + TENANT).then().statusCode(200)
                .body("default_view", equalTo("default_view"));
    }

    // ---- helpers

    private static JWTClaimsSet.Builder seed() {
        // the seed's payload: sub (user email), iss (client id), name, iat
        return new JWTClaimsSet.Builder().subject("root@storefront.run").issuer("sf-hs256").claim("name", "root")
                .issueTime(new Date(now() * 1000));
    }

    private static long now() {
        return serviceNow().getEpochSecond();
    }

    private static String hs256(JWTClaimsSet claims, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String signed(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static Response token(String assertion) {
        return given().header("Host", HOST).formParam("grant_type", GRANT).formParam("assertion", assertion)
                .post("/oauth/token");
    }

    private static void refused(Response response, int status, String error) {
        ValidatableResponse then = response.then().statusCode(status).contentType(ContentType.JSON)
                .body("error", equalTo(error)).body("error_description", notNullValue());
        then.body("$", not(hasKey("access_token")));
    }

    private String viewOf(JWTClaimsSet.Builder claims) throws Exception {
        Response response = token(hs256(claims.build(), secret("sf-hs256")));
        response.then().statusCode(200);
        String view = verify(response.path("access_token")).getStringClaim("view");
        assertEquals(view, verify(response.path("id_token")).getStringClaim("view"));
        return view;
    }

    /** Nimbus, independently: the tenant's JWKS as served, the tenant's algorithm, the issuer. */
    private static JWTClaimsSet verify(String jwt) throws Exception {
        JWKSet jwks = JWKSet.parse(given().get("/auth/realms/" + TENANT + "/protocol/openid-connect/certs").asString());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet claims = processor.process(jwt, null);
        assertEquals(world.issuer(), claims.getIssuer());
        return claims;
    }

    private static String secret(String clientId) {
        return world.secrets().get(clientId);
    }

    private static String client(String admin, Map<String, Object> body) {
        return adminPost(admin, "/admin/tenants/" + TENANT + "/clients", body)
                .then().statusCode(201).extract().path("client_secret");
    }

    private static Response adminPost(String admin, String path, Map<String, ?> body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post(path);
    }

    private static Response adminPatch(String path, Map<String, ?> body) {
        return given().auth().oauth2(world.admin()).contentType(ContentType.JSON).body(body).patch(path);
    }

    private List<String[]> secretRows(String clientId) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select s.digest, s.sealed_secret from client_secret s join client k on k.id = s.client_pk"
                        + " join tenant t on t.id = k.tenant_id where t.slug = ? and k.client_id = ?")) {
            s.setString(1, TENANT);
            s.setString(2, clientId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> elevenKeys() throws Exception {
        List<Map<String, Object>> keys = new ArrayList<>();
        ECKey one = new ECKeyGenerator(Curve.P_256).generate();
        for (int i = 0; i < 11; i++) {
            keys.add(new ECKey.Builder(one.toPublicJWK()).keyID("k" + i).build().toJSONObject());
        }
        return keys;
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The service's clock (TestClock): other tests move it forward, and assertions are judged by it. */
    private static Instant serviceNow() {
        return io.quarkus.arc.Arc.container().instance(dev.tollgate.bootstrap.support.TestClock.class).get().instant();
    }
}
