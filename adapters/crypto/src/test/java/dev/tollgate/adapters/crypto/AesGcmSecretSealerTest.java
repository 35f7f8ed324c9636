package dev.tollgate.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {

    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final String SECRET = "TTR2P4ES6cpfB2to4L6G4m2xzBm695hhMh1rg93B0DxKMNiw9n7aa9LU7316u68Z";

    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(TestKeys.MASTER);

    @Test
    void sealsAndOpensForTheSameClient() {
        String sealed = sealer.seal(TENANT, "client", SECRET);
        assertTrue(sealed.startsWith(AesGcmSecretSealer.PREFIX));
        assertFalse(sealed.contains(SECRET));
        assertEquals(Optional.of(SECRET), sealer.open(TENANT, "client", sealed));
        assertNotEquals(sealed, sealer.seal(TENANT, "client", SECRET), "a fresh nonce each time");
    }

    @Test
    void doesNotOpenForAnotherClientTenantOrMasterKey() {
        String sealed = sealer.seal(TENANT, "client", SECRET);
        assertEquals(Optional.empty(), sealer.open(TENANT, "other", sealed));
        assertEquals(Optional.empty(), sealer.open(UUID.randomUUID(), "client", sealed));
        assertEquals(Optional.empty(), new AesGcmSecretSealer(TestKeys.OTHER_MASTER).open(TENANT, "client", sealed));
    }

    @Test
    void alteredOrForeignDataDoesNotOpenAndDoesNotThrow() {
        String sealed = sealer.seal(TENANT, "client", SECRET);
        // flip a bit of the sealed bytes: editing the last base64 character may only touch its unused padding bits
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(sealed.substring(AesGcmSecretSealer.PREFIX.length()));
        bytes[bytes.length / 2] ^= 1;
        String altered = AesGcmSecretSealer.PREFIX + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertEquals(Optional.empty(), sealer.open(TENANT, "client", altered));
        assertEquals(Optional.empty(), sealer.open(TENANT, "client", SECRET));
        assertEquals(Optional.empty(), sealer.open(TENANT, "client", AesGcmSecretSealer.PREFIX + "!!"));
        assertEquals(Optional.empty(), sealer.open(TENANT, "client", AesGcmSecretSealer.PREFIX + "AAAA"));
    }
}
