package dev.tollgate.adapters.crypto;

import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.SigningKeyVault;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Generates signing key pairs and seals their private halves with AES-256-GCM under the master key. Sealed form:
 * version (1 byte) || nonce (12 bytes) || ciphertext+tag, with the kid as additional authenticated data so that a
 * sealed key copied onto another row does not open.
 */
@Singleton
public final class AesGcmKeyVault implements SigningKeyVault {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final MasterKey masterKey;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public AesGcmKeyVault(MasterKey masterKey) {
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
    }

    @Override
    public StoredSigningKey generate(
            UUID tenantId, SigningAlgorithm algorithm, SigningKeyStatus status, Instant createdAt) {
        KeyPair pair = newKeyPair(algorithm);
        String kid = thumbprint(pair.getPublic());
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            return new StoredSigningKey(kid, tenantId, algorithm, pair.getPublic().getEncoded(), seal(pkcs8, kid),
                    status, createdAt);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    @Override
    public SigningKey open(StoredSigningKey stored) {
        byte[] pkcs8 = unseal(stored.sealedPrivateKey(), stored.keyId());
        try {
            PrivateKey privateKey = keyFactory(stored.algorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningKey(stored.keyId(), stored.tenantId(), stored.algorithm(), publicKey(stored), privateKey,
                    stored.createdAt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Private key " + stored.keyId() + " cannot be decoded as "
                    + stored.algorithm(), e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    @Override
    public PublicKey publicKey(StoredSigningKey stored) {
        PublicKey publicKey;
        try {
            publicKey = keyFactory(stored.algorithm()).generatePublic(new X509EncodedKeySpec(stored.publicKey()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Public key " + stored.keyId() + " cannot be decoded as "
                    + stored.algorithm(), e);
        }
        // the kid is the key's own thumbprint: a public key swapped onto this row would be published and verified
        // under a kid that is not its own
        if (!thumbprint(publicKey).equals(stored.keyId())) {
            throw new IllegalStateException("Public key " + stored.keyId() + " does not match its key id");
        }
        return publicKey;
    }

    byte[] seal(byte[] plaintext, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, masterKey.aesKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
                    .put(VERSION).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    byte[] unseal(byte[] sealed, String kid) {
        if (sealed.length > 0 && sealed[0] != VERSION) {
            throw new IllegalStateException("Signing key " + kid + " cannot be opened: unknown sealed format version "
                    + sealed[0] + " (the data was altered, or written by a newer Tollgate)");
        }
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw notOpened(kid);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, masterKey.aesKey(),
                    new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            // GCM cannot tell a wrong key from altered bytes; no cause attached, it would add nothing
            throw notOpened(kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static IllegalStateException notOpened(String kid) {
        return new IllegalStateException("Signing key " + kid + " cannot be opened: the master key does not match"
                + " the one it was sealed with, or the sealed data was altered");
    }

    private static KeyPair newKeyPair(SigningAlgorithm algorithm) {
        try {
            return switch (algorithm) {
                case RS256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    yield generator.generateKeyPair();
                }
                case ES256 -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    yield generator.generateKeyPair();
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key pair", e);
        }
    }

    private static KeyFactory keyFactory(SigningAlgorithm algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(switch (algorithm) {
            case RS256 -> "RSA";
            case ES256 -> "EC";
        });
    }

    /** RFC 7638 thumbprint: a kid derived from the key itself, the same on every replica. */
    private static String thumbprint(PublicKey publicKey) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot compute the key thumbprint", e);
        }
    }
}
