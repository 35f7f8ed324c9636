package dev.tollgate.bootstrap.keys;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tokens verified by an independent JOSE library (Nimbus) against the JWKS the running service serves.
 */
@QuarkusTest
class IssuedTokenVerificationTest {

    @Inject
    Fixtures fixtures;

    @Test
    void rs256TokenVerifiesAgainstTheRealmJwks() throws Exception {
        String token = token("acme-staging", "acme-backend", "acme-backend-secret-for-tests-only-0123456789");
        JWKSet jwks = JWKSet.parse(given().get("/auth/realms/acme-staging/protocol/openid-connect/certs").asString());
        JWTClaimsSet claims = verify(token, jwks, JWSAlgorithm.RS256, "http://localhost:8081/auth/realms/acme-staging");

        assertEquals("acme-backend", claims.getSubject());
        assertEquals(List.of("http://localhost:8081/auth/realms/acme-staging"), claims.getAudience());
        assertEquals("acme-backend", claims.getStringClaim("client_id"));
        assertEquals("email profile", claims.getStringClaim("scope"));
        assertEquals("acme-staging", claims.getStringClaim("tenant"));
        assertNotNull(claims.getJWTID());
        assertEquals(86_400, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);

        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertEquals(jwks.getKeys().getFirst().getKeyID(), jwt.getHeader().getKeyID());
        for (JWK key : jwks.getKeys()) {
            assertFalse(key.isPrivate(), "the JWKS must not carry private key material");
            assertEquals("sig", key.getKeyUse().identifier());
        }
    }

    @Test
    void es256TenantSignsWithEs256() throws Exception {
        Tenant tenant = fixtures.tenant("acme-ec", SigningAlgorithm.ES256, List.of());
        var client = fixtures.confidentialClient(tenant, "ec-client", Scope.of("orders:read"));
        String token = token("acme-ec", "ec-client", client.secret());
        JWKSet jwks = JWKSet.parse(given().get("/auth/realms/acme-ec/protocol/openid-connect/certs").asString());
        JWTClaimsSet claims = verify(token, jwks, JWSAlgorithm.ES256, "http://localhost:8081/auth/realms/acme-ec");
        assertEquals("orders:read", claims.getStringClaim("scope"));
        assertEquals("EC", jwks.getKeys().getFirst().getKeyType().getValue());
    }

    @Test
    void anotherTenantsKeysDoNotVerify() throws Exception {
        Tenant tenant = fixtures.tenant("acme-isolated", SigningAlgorithm.RS256, List.of());
        var client = fixtures.confidentialClient(tenant, "isolated", Scope.of("read"));
        String token = token("acme-isolated", "isolated", client.secret());
        JWKSet otherJwks = JWKSet.parse(given().get("/auth/realms/acme-staging/protocol/openid-connect/certs").asString());
        assertThrows(Exception.class,
                () -> verify(token, otherJwks, JWSAlgorithm.RS256, "http://localhost:8081/auth/realms/acme-isolated"));
    }

    @Test
    void unprefixedJwksIsTheDefaultTenantsJwks() throws Exception {
        token("acme-staging", "acme-backend", "acme-backend-secret-for-tests-only-0123456789");
        JWKSet realm = JWKSet.parse(given().get("/auth/realms/acme-staging/protocol/openid-connect/certs").asString());
        JWKSet unprefixed = JWKSet.parse(given().get("/.well-known/jwks.json").asString());
        assertEquals(realm.toString(), unprefixed.toString());
        assertTrue(given().get("/auth/realms/acme-staging/protocol/openid-connect/certs").header("Cache-Control")
                .contains("max-age"));
    }

    @Test
    void keysAreStableAcrossRequests() throws Exception {
        String first = token("acme-staging", "acme-backend", "acme-backend-secret-for-tests-only-0123456789");
        String second = token("acme-staging", "acme-backend", "acme-backend-secret-for-tests-only-0123456789");
        assertEquals(SignedJWT.parse(first).getHeader().getKeyID(), SignedJWT.parse(second).getHeader().getKeyID());
        assertFalse(SignedJWT.parse(first).getJWTClaimsSet().getJWTID()
                .equals(SignedJWT.parse(second).getJWTClaimsSet().getJWTID()));
    }

    private static String token(String tenant, String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/auth/realms/" + tenant + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static JWTClaimsSet verify(String token, JWKSet jwks, JWSAlgorithm algorithm, String issuer)
            throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "aud", "exp", "iat", "jti", "client_id", "tenant")));
        return processor.process(token, null);
    }
}
