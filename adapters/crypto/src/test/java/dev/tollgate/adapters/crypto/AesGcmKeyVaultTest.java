package dev.tollgate.adapters.crypto;

import static dev.tollgate.adapters.crypto.TestKeys.MASTER;
import static dev.tollgate.adapters.crypto.TestKeys.OTHER_MASTER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AesGcmKeyVaultTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UUID TENANT = UUID.fromString("7d1c1f4e-5b7a-4a43-9a55-2f0e6c1d9b10");

    private final AesGcmKeyVault vault = new AesGcmKeyVault(MASTER);

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void generatedKeysOpenIntoAWorkingKeyPair(SigningAlgorithm algorithm) throws Exception {
        StoredSigningKey stored = vault.generate(TENANT, algorithm, SigningKeyStatus.RETIRING, NOW);
        assertEquals(TENANT, stored.tenantId());
        assertEquals(algorithm, stored.algorithm());
        assertEquals(SigningKeyStatus.RETIRING, stored.status());
        assertEquals(NOW, stored.createdAt());

        // a fresh vault with an equal master key stands for a restart: the row and the key are all it needs
        SigningKey opened = new AesGcmKeyVault(new MasterKey(TestKeys.filled(7))).open(stored);
        assertEquals(stored.keyId(), opened.keyId());
        assertEquals(TENANT, opened.tenantId());
        assertEquals(algorithm, opened.algorithm());
        assertEquals(NOW, opened.createdAt());
        assertEquals("X.509", opened.publicKey().getFormat());
        assertArrayEquals(stored.publicKey(), opened.publicKey().getEncoded(), "public key kept as X.509 DER");
        assertArrayEquals(stored.publicKey(), vault.publicKey(stored).getEncoded());
        assertEquals("PKCS#8", opened.privateKey().getFormat());

        switch (algorithm) {
            case RS256 -> {
                assertEquals(2048, ((RSAPublicKey) opened.publicKey()).getModulus().bitLength());
                assertInstanceOf(RSAPrivateKey.class, opened.privateKey());
            }
            case ES256 -> {
                assertEquals(Curve.P_256, Curve.forECParameterSpec(((ECPublicKey) opened.publicKey()).getParams()));
                assertInstanceOf(ECPrivateKey.class, opened.privateKey());
            }
        }

        // the opened private half belongs to the stored public half
        String jca = algorithm == SigningAlgorithm.RS256 ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] data = "proof of possession".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(jca);
        signer.initSign(opened.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(jca);
        verifier.initVerify(vault.publicKey(stored));
        verifier.update(data);
        assertTrue(verifier.verify(signature));
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void keyIdIsTheRfc7638Thumbprint(SigningAlgorithm algorithm) throws Exception {
        StoredSigningKey stored = vault.generate(TENANT, algorithm, SigningKeyStatus.ACTIVE, NOW);
        PublicKey publicKey = vault.publicKey(stored);
        String nimbus = switch (algorithm) {
            case RS256 -> new RSAKey.Builder((RSAPublicKey) publicKey).build().computeThumbprint().toString();
            case ES256 -> new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).build().computeThumbprint().toString();
        };
        assertEquals(nimbus, stored.keyId());
        assertEquals(43, stored.keyId().length(), "base64url of a SHA-256, no padding");
        assertNotEquals(stored.keyId(), vault.generate(TENANT, algorithm, SigningKeyStatus.ACTIVE, NOW).keyId(),
                "every key pair is new");
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void sealedFormIsVersionNonceCiphertextAndTag(SigningAlgorithm algorithm) {
        StoredSigningKey stored = vault.generate(TENANT, algorithm, SigningKeyStatus.ACTIVE, NOW);
        byte[] pkcs8 = vault.open(stored).privateKey().getEncoded();
        byte[] sealed = stored.sealedPrivateKey();

        assertEquals(1, sealed[0], "format version");
        assertEquals(1 + 12 + pkcs8.length + 16, sealed.length, "version, nonce, ciphertext, 128-bit tag");
        for (int i = 0; i + 16 <= pkcs8.length; i++) {
            assertFalse(TestKeys.contains(sealed, Arrays.copyOfRange(pkcs8, i, i + 16)),
                    "16 bytes of the PKCS#8 key appear in the sealed form, from offset " + i);
        }
    }

    @Test
    void everySealingUsesAFreshNonce() {
        byte[] plaintext = "the same private key".getBytes(StandardCharsets.UTF_8);
        byte[] first = vault.seal(plaintext, "kid");
        byte[] second = vault.seal(plaintext, "kid");
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 1, 13), Arrays.copyOfRange(second, 1, 13)));
        assertFalse(Arrays.equals(first, second));
        assertArrayEquals(plaintext, vault.unseal(first, "kid"));
        assertArrayEquals(plaintext, vault.unseal(second, "kid"));
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void aDifferentMasterKeyDoesNotOpen(SigningAlgorithm algorithm) {
        StoredSigningKey stored = vault.generate(TENANT, algorithm, SigningKeyStatus.ACTIVE, NOW);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new AesGcmKeyVault(OTHER_MASTER).open(stored));
        assertMasterKeyMismatch(e, stored);
    }

    @Test
    void anyAlteredByteIsDetected() {
        StoredSigningKey stored = vault.generate(TENANT, SigningAlgorithm.ES256, SigningKeyStatus.ACTIVE, NOW);
        int length = stored.sealedPrivateKey().length;
        // nonce, first ciphertext byte, middle, last ciphertext byte, tag
        for (int index : new int[] {1, 12, 13, length / 2, length - 17, length - 16, length - 1}) {
            StoredSigningKey tampered = withSealed(stored, sealed -> {
                sealed[index] ^= 0x01;
                return sealed;
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> vault.open(tampered),
                    "byte " + index + " altered");
            assertMasterKeyMismatch(e, stored);
        }
        assertMasterKeyMismatch(assertThrows(IllegalStateException.class,
                () -> vault.open(withSealed(stored, sealed -> Arrays.copyOf(sealed, sealed.length - 1)))), stored);
        assertMasterKeyMismatch(assertThrows(IllegalStateException.class,
                () -> vault.open(withSealed(stored, sealed -> Arrays.copyOf(sealed, 20)))), stored);
        assertMasterKeyMismatch(assertThrows(IllegalStateException.class,
                () -> vault.open(withSealed(stored, sealed -> new byte[0]))), stored);

        IllegalStateException version = assertThrows(IllegalStateException.class,
                () -> vault.open(withSealed(stored, sealed -> {
                    sealed[0] = 2;
                    return sealed;
                })));
        assertTrue(version.getMessage().contains("version 2"), version.getMessage());
    }

    @Test
    void aSealedKeyMovedOntoAnotherRowDoesNotOpen() {
        StoredSigningKey victim = vault.generate(TENANT, SigningAlgorithm.RS256, SigningKeyStatus.ACTIVE, NOW);
        StoredSigningKey other = vault.generate(TENANT, SigningAlgorithm.RS256, SigningKeyStatus.ACTIVE, NOW);
        // another row carrying the victim's sealed private key: the kid is authenticated data, so it fails
        StoredSigningKey swapped = new StoredSigningKey(other.keyId(), TENANT, SigningAlgorithm.RS256,
                other.publicKey(), victim.sealedPrivateKey(), SigningKeyStatus.ACTIVE, NOW);
        assertMasterKeyMismatch(assertThrows(IllegalStateException.class, () -> vault.open(swapped)), swapped);
    }

    @Test
    void aPublicKeyThatDoesNotMatchTheKidIsRefused() {
        StoredSigningKey genuine = vault.generate(TENANT, SigningAlgorithm.ES256, SigningKeyStatus.ACTIVE, NOW);
        StoredSigningKey other = vault.generate(TENANT, SigningAlgorithm.ES256, SigningKeyStatus.ACTIVE, NOW);
        StoredSigningKey swapped = new StoredSigningKey(genuine.keyId(), TENANT, SigningAlgorithm.ES256,
                other.publicKey(), genuine.sealedPrivateKey(), SigningKeyStatus.ACTIVE, NOW);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> vault.publicKey(swapped));
        assertTrue(e.getMessage().contains("does not match its key id"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> vault.open(swapped));
    }

    private static StoredSigningKey withSealed(StoredSigningKey stored, UnaryOperator<byte[]> change) {
        return new StoredSigningKey(stored.keyId(), stored.tenantId(), stored.algorithm(), stored.publicKey(),
                change.apply(stored.sealedPrivateKey().clone()), stored.status(), stored.createdAt());
    }

    private static void assertMasterKeyMismatch(IllegalStateException e, StoredSigningKey stored) {
        String message = e.getMessage();
        assertTrue(message.contains("master key does not match"), message);
        assertTrue(message.contains(stored.keyId()), "names the key: " + message);
        assertFalse(message.contains(Base64.getEncoder().encodeToString(TestKeys.filled(7))), message);
        assertFalse(message.contains(Base64.getEncoder().encodeToString(stored.sealedPrivateKey())), message);
        assertEquals(null, e.getCause(), "nothing attached that could carry key material");
    }
}
