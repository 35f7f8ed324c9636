package dev.tollgate.adapters.crypto;

import static dev.tollgate.adapters.crypto.TestKeys.MASTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.token.VerifiedAccessToken;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.token.AccessTokenClaims;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tokens of the real signer verify and read back; forged, foreign and malformed ones do not, without exceptions. */
class Jose4jAccessTokenVerifierTest {

    private static final Instant ISSUED = Instant.parse("2020-01-01T10:00:00Z");
    private static final String ISSUER = "https://id.example.com/auth/realms/acme";

    private final AesGcmKeyVault vault = new AesGcmKeyVault(MASTER);
    private final SmallRyeJwtTokenSigner signer = new SmallRyeJwtTokenSigner();
    private final Jose4jAccessTokenVerifier verifier = new Jose4jAccessTokenVerifier();

    private StoredSigningKey key(SigningAlgorithm algorithm) {
        return vault.generate(UUID.randomUUID(), algorithm, SigningKeyStatus.ACTIVE, ISSUED);
    }

    private PublishedKey published(StoredSigningKey stored) {
        return new PublishedKey(stored.keyId(), stored.algorithm(), vault.publicKey(stored));
    }

    private String sign(StoredSigningKey stored, Scope scope, Map<String, Object> extra) {
        // long expired: the verifier judges signatures, not time
        return signer.sign(new AccessTokenClaims(ISSUER, "user-42", ISSUER, ISSUED, ISSUED.plusSeconds(900), "jti-1",
                "backend", scope, "acme", extra), vault.open(stored));
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aTokenOfThePublishedKeyVerifiesAndReadsBack(SigningAlgorithm algorithm) {
        StoredSigningKey stored = key(algorithm);
        StoredSigningKey older = key(algorithm);
        String token = sign(stored, Scope.of("orders:read", "email"), Map.of("view", "external_view",
                "roles", List.of("a", "b")));
        VerifiedAccessToken verified = verifier.verify(token, List.of(published(older), published(stored)))
                .orElseThrow();
        assertEquals(ISSUER, verified.issuer());
        assertEquals("user-42", verified.subject());
        assertEquals(List.of(ISSUER), verified.audience());
        assertEquals(ISSUED, verified.issuedAt());
        assertEquals(ISSUED.plusSeconds(900), verified.expiresAt());
        assertEquals("jti-1", verified.tokenId());
        assertEquals("backend", verified.clientId());
        assertEquals(Scope.of("orders:read", "email"), verified.scope());
        assertEquals(Map.of("tenant", "acme", "view", "external_view", "roles", List.of("a", "b")),
                verified.otherClaims());
        assertEquals(Optional.of("external_view"), verified.view());
    }

    @Test
    void noScopeClaimIsAnEmptyScope() {
        StoredSigningKey stored = key(SigningAlgorithm.ES256);
        assertEquals(Scope.EMPTY, verifier.verify(sign(stored, Scope.EMPTY, Map.of()), List.of(published(stored)))
                .orElseThrow().scope());
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void anotherKeyUnderTheSameKidDoesNotVerify(SigningAlgorithm algorithm) {
        StoredSigningKey stored = key(algorithm);
        StoredSigningKey impostor = key(algorithm);
        String token = sign(stored, Scope.EMPTY, Map.of());
        PublishedKey sameKidOtherKey = new PublishedKey(stored.keyId(), algorithm, vault.publicKey(impostor));
        assertEquals(Optional.empty(), verifier.verify(token, List.of(sameKidOtherKey)));
        assertEquals(Optional.empty(), verifier.verify(token, List.of(published(impostor))), "kid not offered");
        assertEquals(Optional.empty(), verifier.verify(token, List.of()));
    }

    @Test
    void theHeaderAlgMustBeTheKeysAlgorithm() {
        StoredSigningKey stored = key(SigningAlgorithm.RS256);
        String token = sign(stored, Scope.EMPTY, Map.of());
        PublishedKey claimedEs256 = new PublishedKey(stored.keyId(), SigningAlgorithm.ES256, vault.publicKey(stored));
        assertEquals(Optional.empty(), verifier.verify(token, List.of(claimedEs256)));
    }

    @Test
    void anHmacKeyedWithThePublicKeyIsRefused() throws Exception {
        StoredSigningKey stored = key(SigningAlgorithm.RS256);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(stored.keyId()).build(),
                claims().build());
        forged.sign(new MACSigner(stored.publicKey()));
        assertEquals(Optional.empty(), verifier.verify(forged.serialize(), List.of(published(stored))));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        StoredSigningKey stored = key(SigningAlgorithm.RS256);
        String header = base64Url("{\"alg\":\"none\",\"kid\":\"" + stored.keyId() + "\"}");
        String payload = sign(stored, Scope.EMPTY, Map.of()).split("\\.")[1];
        for (String token : List.of(header + "." + payload + ".", header + "." + payload)) {
            assertEquals(Optional.empty(), verifier.verify(token, List.of(published(stored))), token);
        }
    }

    @Test
    void aPayloadMovedUnderAnotherSignatureIsRefused() {
        StoredSigningKey stored = key(SigningAlgorithm.ES256);
        String[] genuine = sign(stored, Scope.EMPTY, Map.of()).split("\\.");
        String otherPayload = sign(stored, Scope.of("admin"), Map.of()).split("\\.")[1];
        String tampered = genuine[0] + "." + otherPayload + "." + genuine[2];
        assertEquals(Optional.empty(), verifier.verify(tampered, List.of(published(stored))));
    }

    @Test
    void aSignedTokenWithoutTheClaimsOfAnAccessTokenIsRefused() throws Exception {
        StoredSigningKey stored = key(SigningAlgorithm.RS256);
        SigningKey opened = vault.open(stored);
        SignedJWT withoutClientId = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stored.keyId()).build(), claims().build());
        withoutClientId.sign(new RSASSASigner(opened.privateKey()));
        assertEquals(Optional.empty(), verifier.verify(withoutClientId.serialize(), List.of(published(stored))));
        SignedJWT complete = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stored.keyId()).build(),
                claims().claim("client_id", "backend").build());
        complete.sign(new RSASSASigner(opened.privateKey()));
        assertTrue(verifier.verify(complete.serialize(), List.of(published(stored))).isPresent(),
                "the same token with client_id verifies: the refusal above is about the claim");
    }

    @Test
    void malformedTokensAreEmptyNotExceptions() {
        StoredSigningKey stored = key(SigningAlgorithm.RS256);
        for (String token : List.of("", ".", "..", "a.b.c", "not a token", "a.b.c.d.e", "eyJ9.eyJ9.AA",
                base64Url("[]") + "." + base64Url("{}") + ".AA", base64Url("{\"alg\":\"RS256\"}") + ".%%%.AA")) {
            assertEquals(Optional.empty(), verifier.verify(token, List.of(published(stored))), token);
        }
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("user-42").audience(ISSUER)
                .issueTime(Date.from(ISSUED)).expirationTime(Date.from(ISSUED.plusSeconds(900))).jwtID("jti-2");
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
