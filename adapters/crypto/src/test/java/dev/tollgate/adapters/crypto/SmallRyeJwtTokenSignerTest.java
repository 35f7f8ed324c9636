package dev.tollgate.adapters.crypto;

import static dev.tollgate.adapters.crypto.TestKeys.MASTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.token.AccessTokenClaims;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens from the signer, verified by an independent JOSE library (Nimbus) against the JWKS the encoder renders. */
class SmallRyeJwtTokenSignerTest {

    private static final Instant ISSUED = Instant.parse("2026-11-22T10:00:00.700Z");
    private static final Instant EXPIRES = Instant.parse("2026-11-22T10:15:00.700Z");
    private static final String ISSUER = "https://id.example.com/auth/realms/acme";

    private final AesGcmKeyVault vault = new AesGcmKeyVault(MASTER);
    private final SmallRyeJwtTokenSigner signer = new SmallRyeJwtTokenSigner();
    private final Jose4jJwkSetEncoder encoder = new Jose4jJwkSetEncoder();

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void tokensVerifyAgainstThePublishedJwkAndCarryExactlyTheGivenClaims(SigningAlgorithm algorithm)
            throws Exception {
        StoredSigningKey stored = vault.generate(UUID.randomUUID(), algorithm, SigningKeyStatus.ACTIVE, ISSUED);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("gty", "password");
        extra.put("roles", List.of("admin", "ops"));
        extra.put("groups", List.of());
        extra.put("store_count", 42);
        extra.put("big", 9_000_000_000L);
        extra.put("ratio", 0.5);
        extra.put("email_verified", true);
        extra.put("ctx", Map.of("store", "s1", "nested", Map.of("levels", List.of(1, 2))));
        AccessTokenClaims claims = new AccessTokenClaims(ISSUER, "user-42", "https://api.example.com", ISSUED,
                EXPIRES, "jti-1", "backend", Scope.of("email", "profile", "orders:read"), "acme", extra);

        SignedJWT jwt = SignedJWT.parse(signer.sign(claims, vault.open(stored)));

        assertTrue(jwt.verify(verifierFor(publishedJwk(stored))), "verifies with the JWK from the JWKS");
        StoredSigningKey otherKey = vault.generate(UUID.randomUUID(), algorithm, SigningKeyStatus.ACTIVE, ISSUED);
        assertFalse(jwt.verify(verifierFor(publishedJwk(otherKey))), "and with no other key");

        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertEquals(stored.keyId(), jwt.getHeader().getKeyID());
        assertEquals(algorithm.name(), jwt.getHeader().getAlgorithm().getName());
        assertEquals(Set.of("alg", "kid", "typ"), jwt.getHeader().toJSONObject().keySet());

        Map<String, Object> payload = jwt.getPayload().toJSONObject();
        assertEquals(Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope", "tenant",
                "gty", "roles", "groups", "store_count", "big", "ratio", "email_verified", "ctx"),
                payload.keySet(), "no claim added or dropped behind our back");
        assertEquals(ISSUER, payload.get("iss"));
        assertEquals("user-42", payload.get("sub"));
        assertEquals("https://api.example.com", payload.get("aud"), "aud is a single string, not an array");
        assertEquals(ISSUED.getEpochSecond(), payload.get("iat"), "epoch seconds");
        assertEquals(EXPIRES.getEpochSecond(), payload.get("exp"), "epoch seconds");
        assertEquals("jti-1", payload.get("jti"));
        assertEquals("backend", payload.get("client_id"));
        assertEquals("email profile orders:read", payload.get("scope"), "space-delimited, in the given order");
        assertEquals("acme", payload.get("tenant"));
        assertEquals("password", payload.get("gty"));
        assertEquals(List.of("admin", "ops"), payload.get("roles"));
        assertEquals(List.of(), payload.get("groups"));
        assertEquals(42L, payload.get("store_count"));
        assertEquals(9_000_000_000L, payload.get("big"));
        assertEquals(0.5, payload.get("ratio"));
        assertEquals(true, payload.get("email_verified"));
        assertEquals(Map.of("store", "s1", "nested", Map.of("levels", List.of(1L, 2L))), payload.get("ctx"));
    }

    @Test
    void anEmptyScopeLeavesTheClaimOut() throws Exception {
        StoredSigningKey stored = vault.generate(UUID.randomUUID(), SigningAlgorithm.ES256, SigningKeyStatus.ACTIVE,
                ISSUED);
        String token = signer.sign(claims(Scope.EMPTY, Map.of()), vault.open(stored));
        Map<String, Object> payload = SignedJWT.parse(token).getPayload().toJSONObject();
        assertFalse(payload.containsKey("scope"), payload.toString());
        assertEquals(Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "tenant"), payload.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope", "tenant"})
    void extraClaimsCannotReplaceStandardOnes(String name) {
        SigningKey key = vault.open(vault.generate(UUID.randomUUID(), SigningAlgorithm.ES256,
                SigningKeyStatus.ACTIVE, ISSUED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> signer.sign(claims(Scope.EMPTY, Map.of(name, "forged")), key));
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
    }

    @Test
    void configurationThatWouldRewriteClaimsIsRefused() {
        String property = SmallRyeJwtTokenSigner.OVERRIDE_CLAIMS_PROPERTY;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SmallRyeJwtTokenSigner(
                new SmallRyeConfigBuilder().withDefaultValue(property, "true").build()));
        assertTrue(e.getMessage().contains(property), e.getMessage());
        new SmallRyeJwtTokenSigner(new SmallRyeConfigBuilder().withDefaultValue(property, "false").build());
        new SmallRyeJwtTokenSigner(new SmallRyeConfigBuilder().build());
    }

    @Test
    void smallryeDefaultsFromConfigurationDoNotApply() throws Exception {
        SigningKey key = vault.open(vault.generate(UUID.randomUUID(), SigningAlgorithm.RS256,
                SigningKeyStatus.ACTIVE, ISSUED));
        // smallrye-jwt-build reads MicroProfile Config through the context class loader: give it one of its own
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        ClassLoader isolated = new URLClassLoader(new URL[0], original);
        Config config = new SmallRyeConfigBuilder().forClassLoader(isolated).withDefaultValues(Map.of(
                "smallrye.jwt.new-token.issuer", "https://configured.example.com",
                "smallrye.jwt.new-token.audience", "configured-audience",
                "smallrye.jwt.new-token.lifespan", "5")).build();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.registerConfig(config, isolated);
        Thread.currentThread().setContextClassLoader(isolated);
        Map<String, Object> payload;
        try {
            payload = SignedJWT.parse(signer.sign(claims(Scope.of("a"), Map.of()), key)).getPayload().toJSONObject();
        } finally {
            Thread.currentThread().setContextClassLoader(original);
            resolver.releaseConfig(config);
        }
        assertEquals(ISSUER, payload.get("iss"));
        assertEquals("https://api.example.com", payload.get("aud"));
        assertEquals(EXPIRES.getEpochSecond(), payload.get("exp"));
        assertEquals(ISSUED.getEpochSecond(), payload.get("iat"));
        assertEquals("jti-1", payload.get("jti"));
    }

    private static AccessTokenClaims claims(Scope scope, Map<String, Object> extra) {
        return new AccessTokenClaims(ISSUER, "backend", "https://api.example.com", ISSUED, EXPIRES, "jti-1",
                "backend", scope, "acme", extra);
    }

    private JWK publishedJwk(StoredSigningKey stored) throws Exception {
        Map<String, Object> jwk = encoder.encode(
                List.of(new PublishedKey(stored.keyId(), stored.algorithm(), vault.publicKey(stored)))).getFirst();
        return JWK.parse(jwk);
    }

    private static JWSVerifier verifierFor(JWK jwk) throws Exception {
        assertFalse(jwk.isPrivate());
        return switch (jwk) {
            case RSAKey rsa -> new RSASSAVerifier(rsa);
            case ECKey ec -> new ECDSAVerifier(ec);
            default -> throw new AssertionError(assertInstanceOf(RSAKey.class, jwk));
        };
    }
}
