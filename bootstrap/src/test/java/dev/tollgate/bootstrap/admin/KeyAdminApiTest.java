package dev.tollgate.bootstrap.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tollgate.bootstrap.support.AdminTokens;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.bootstrap.support.TestClock;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key rotation through the admin API, checked with an independent verifier against the served JWKS. */
@QuarkusTest
class KeyAdminApiTest {

    @Inject
    Fixtures fixtures;

    @Inject
    TestClock clock;

    @Test
    void rotatedKeySignsNewTokensWhileOldTokensStillVerify() throws Exception {
        var tenant = fixtures.tenant("adm-keys", SigningAlgorithm.RS256, List.of());
        var client = fixtures.confidentialClient(tenant, "svc", Scope.of("read"));
        String admin = AdminTokens.operator();
        String before = AdminTokens.token("adm-keys", "svc", client.secret());
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        given().auth().oauth2(admin).get("/admin/tenants/adm-keys/keys").then().statusCode(200)
                .body("items.kid", equalTo(List.of(oldKid))).body("items[0].status", equalTo("active"));

        clock.advance(Duration.ofSeconds(1));
        String newKid = given().auth().oauth2(admin).post("/admin/tenants/adm-keys/keys/rotate")
                .then().statusCode(201).body("status", equalTo("active")).extract().path("kid");
        assertNotEquals(oldKid, newKid);

        String after = AdminTokens.token("adm-keys", "svc", client.secret());
        assertEquals(newKid, SignedJWT.parse(after).getHeader().getKeyID());
        given().auth().oauth2(admin).get("/admin/tenants/adm-keys/keys").then().statusCode(200)
                .body("items.kid", equalTo(List.of(newKid, oldKid)))
                .body("items.status", equalTo(List.of("active", "retiring")));
        verify(before);
        verify(after);

        // once every token of the old key has expired, it leaves the JWKS
        clock.advance(Duration.ofSeconds(86_401));
        try {
            JWKSet jwks = jwks();
            assertEquals(1, jwks.getKeys().size());
            assertEquals(newKid, jwks.getKeys().getFirst().getKeyID());
        } finally {
            clock.advance(Duration.ofSeconds(-86_402));
        }
    }

    @Test
    void rotationNeedsKeysManage() {
        var tenant = fixtures.tenant("adm-keys-scope", SigningAlgorithm.RS256, List.of());
        var client = fixtures.confidentialClient(tenant, "svc", Scope.of("clients:manage"));
        String tenantAdmin = AdminTokens.token("adm-keys-scope", "svc", client.secret());
        given().auth().oauth2(tenantAdmin).post("/admin/tenants/adm-keys-scope/keys/rotate").then().statusCode(403);
        given().post("/admin/tenants/adm-keys-scope/keys/rotate").then().statusCode(401);
    }

    private static JWKSet jwks() throws Exception {
        return JWKSet.parse(given().get("/auth/realms/adm-keys/protocol/openid-connect/certs").asString());
    }

    private static void verify(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks())));
        assertTrue(processor.process(token, null).getSubject().equals("svc"));
    }
}
