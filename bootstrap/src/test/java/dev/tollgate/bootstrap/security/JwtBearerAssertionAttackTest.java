package dev.tollgate.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 7523 assertions forged the ways RFC 8725 §2 lists, against the JWT bearer grant: each is refused with 400
 * {@code invalid_grant} and no token, and a correctly signed control assertion is accepted, so each refusal is about
 * the one thing changed.
 *
 * <p>Already covered by storefront/JwtBearerGrantTest and not repeated: alg none without a signature, HS256 from a
 * client with registered keys (keyed with its public JWK or its secret), RS256 from a client without keys, a wrong
 * secret, expired / too old / future iat / future nbf / no iat, a wrong audience, a replayed jti, an unknown issuer,
 * a stranger's key under a registered kid, a crit header and malformed compact forms. Assertions without exp are
 * accepted by design (seed 003's own assertions carry only iat) and bounded by {@code tollgate.jwt-bearer.max-age}.
 */
@QuarkusTest
class JwtBearerAssertionAttackTest {

    private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String TENANT = "atk-assert";
    private static final String OTHER = "atk-assert-other";
    private static final String HS = "hs-client";
    private static final String KEYS = "keys-client";

    private record World(AttackStage stage, AttackStage other, String hsSecret, String otherHsSecret, RSAKey registered,
            RSAKey otherRegistered, RSAKey attacker) {
    }

    private static World world;
    private static HttpServer attackerServer;
    private static final AtomicInteger ATTACKER_HITS = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        if (world != null) {
            return;
        }
        RSAKey registered = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        RSAKey otherRegistered = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker-kid").generate();
        AttackStage stage = AttackStage.create(TENANT);
        AttackStage other = AttackStage.create(OTHER);
        String hsSecret = AttackStage.client(TENANT, hsClient());
        String otherHsSecret = AttackStage.client(OTHER, hsClient());
        AttackStage.client(TENANT, keysClient(registered));
        AttackStage.client(OTHER, keysClient(otherRegistered));
        attackerServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attackerServer.createContext("/", exchange -> {
            ATTACKER_HITS.incrementAndGet();
            byte[] body = ("{\"keys\":[" + attacker.toPublicJWK().toJSONString() + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attackerServer.start();
        world = new World(stage, other, hsSecret, otherHsSecret, registered, otherRegistered, attacker);
    }

    @AfterAll
    static void stopAttackerServer() {
        if (attackerServer != null) {
            attackerServer.stop(0);
        }
    }

    private static String hsClient() {
        return "{\"client_id\":\"" + HS + "\",\"name\":\"HS256\",\"grant_types\":[\"" + GRANT + "\"]}";
    }

    private static String keysClient(RSAKey key) {
        return "{\"client_id\":\"" + KEYS + "\",\"name\":\"Keys\",\"grant_types\":[\"" + GRANT + "\"],"
                + "\"jwks\":{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}}";
    }

    private static URI attackerUrl(String path) {
        return URI.create("http://127.0.0.1:" + attackerServer.getAddress().getPort() + path);
    }

    /** The seed's claims: the customer by email as subject, the client as issuer, issued now by the service's clock. */
    private static JWTClaimsSet claims(String issuer) {
        return new JWTClaimsSet.Builder().subject(AttackStage.CUSTOMER_EMAIL).issuer(issuer)
                .issueTime(Date.from(AttackStage.serviceNow())).build();
    }

    private static JWSHeader.Builder rs256(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid);
    }

    private static String hs256(JWTClaimsSet claims, byte[] key) throws Exception {
        return Forgeries.signed(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims,
                new MACSigner(key));
    }

    private static Response grant(String assertion) {
        return world.stage().request().formParam("grant_type", GRANT).formParam("assertion", assertion)
                .post("/oauth/token");
    }

    @Test
    void controlAssertionsAreAccepted() throws Exception {
        grant(hs256(claims(HS), world.hsSecret().getBytes(StandardCharsets.UTF_8))).then().statusCode(200)
                .body("access_token", notNullValue());
        grant(Forgeries.signed(rs256("rsa-1").build(), claims(KEYS), new RSASSASigner(world.registered())))
                .then().statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void everyForgedAssertionIsAnInvalidGrant() throws Exception {
        Map<String, String> forged = new LinkedHashMap<>();
        JWTClaimsSet hs = claims(HS);
        JWTClaimsSet keys = claims(KEYS);
        String genuine = hs256(hs, world.hsSecret().getBytes(StandardCharsets.UTF_8));
        String signature = genuine.substring(genuine.lastIndexOf('.') + 1);
        String payload = Forgeries.b64(hs.toString());
        // alg none, with the signature of a genuine assertion over the same claims
        forged.put("alg none with a genuine signature",
                Forgeries.b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + "." + signature);
        forged.put("alg None, no signature", Forgeries.b64("{\"alg\":\"None\"}") + "." + payload + ".");
        // HS/RS confusion with the registered key's public forms, and with the tenant's own signing key
        String registeredPem = Forgeries.pem(world.registered().toRSAPublicKey());
        forged.put("HS256 keyed with the registered key's PEM", hs256(keys, registeredPem.getBytes(StandardCharsets.UTF_8)));
        forged.put("HS256 keyed with the registered key's DER", hs256(keys, world.registered().toRSAPublicKey().getEncoded()));
        String tenantPem = Forgeries.pem(AttackStage.activeKey(TENANT).publicKey());
        forged.put("HS256 keyed with the tenant's signing key PEM", hs256(hs, tenantPem.getBytes(StandardCharsets.UTF_8)));
        // keys that are not the client's
        forged.put("unknown kid, registered key", Forgeries.signed(rs256("nope").build(), keys,
                new RSASSASigner(world.registered())));
        forged.put("unknown kid, attacker's key", Forgeries.signed(rs256("attacker-kid").build(), keys,
                new RSASSASigner(world.attacker())));
        forged.put("no kid, attacker's key", Forgeries.signed(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), keys,
                new RSASSASigner(world.attacker())));
        forged.put("the same kid registered by the same client id of another tenant", Forgeries.signed(
                rs256("rsa-1").build(), keys, new RSASSASigner(world.otherRegistered())));
        // the same client id and user in another tenant: that tenant's secret signs nothing here
        forged.put("signed with the other tenant's client secret", hs256(hs,
                world.otherHsSecret().getBytes(StandardCharsets.UTF_8)));
        forged.put("audience of the other tenant", hs256(Forgeries.with(hs, b -> b.audience(
                AttackStage.issuer(OTHER))), world.hsSecret().getBytes(StandardCharsets.UTF_8)));
        // headers naming keys: never fetched, never trusted
        forged.put("jku to the attacker's JWKS", Forgeries.signed(rs256("attacker-kid")
                .jwkURL(attackerUrl("/jwks.json")).build(), keys, new RSASSASigner(world.attacker())));
        forged.put("jku to the attacker's JWKS, the registered kid", Forgeries.signed(rs256("rsa-1")
                .jwkURL(attackerUrl("/jwks-rsa-1.json")).build(), keys, new RSASSASigner(world.attacker())));
        forged.put("x5u to the attacker's certificate", Forgeries.signed(rs256("rsa-1")
                .x509CertURL(attackerUrl("/cert.pem")).build(), keys, new RSASSASigner(world.attacker())));
        forged.put("embedded jwk of the attacker, the registered kid", Forgeries.signed(rs256("rsa-1")
                .jwk(world.attacker().toPublicJWK()).build(), keys, new RSASSASigner(world.attacker())));
        // claims changed under a genuine signature
        String[] parts = genuine.split("\\.");
        forged.put("subject changed under the genuine signature", parts[0] + "."
                + Forgeries.b64(Forgeries.with(hs, b -> b.subject("someone-else@attacks.example")).toString())
                + "." + parts[2]);
        // an access token the service issued is no assertion (its iss is the tenant, not a client)
        forged.put("one of the service's own access tokens", world.stage().storeToken());
        forged.put("the service's token, iss rewritten to the client", Forgeries.signed(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(AttackStage.activeKey(TENANT).keyId()).build(),
                Forgeries.with(keys, b -> b.issuer(KEYS)), new RSASSASigner(AttackStage.activeKey(TENANT).privateKey())));

        List<String> failures = new ArrayList<>();
        forged.forEach((name, assertion) -> {
            Response response = grant(assertion);
            try {
                response.then().statusCode(400).contentType(ContentType.JSON)
                        .body("error", equalTo("invalid_grant"))
                        .body("$", not(hasKey("access_token")));
            } catch (AssertionError e) {
                failures.add(name + " -> " + response.statusCode() + " " + response.asString());
            }
        });
        assertTrue(failures.isEmpty(), "not refused:\n" + String.join("\n", failures));
        assertEquals(0, ATTACKER_HITS.get(), "a key URL named by an assertion was fetched");
    }

    @Test
    void theOtherTenantsAssertionWorksOnlyThere() throws Exception {
        // the same assertion, signed with the other tenant's secret: accepted by the other tenant, refused here
        String assertion = hs256(claims(HS), world.otherHsSecret().getBytes(StandardCharsets.UTF_8));
        grant(assertion).then().statusCode(400).body("error", equalTo("invalid_grant"));
        world.other().request().formParam("grant_type", GRANT).formParam("assertion", assertion)
                .post("/oauth/token").then().statusCode(200).body("access_token", notNullValue());
        // and at the realm path of this tenant, the same refusal
        given().formParam("grant_type", GRANT).formParam("assertion", assertion)
                .post("/auth/realms/" + TENANT + "/protocol/openid-connect/token")
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }
}
