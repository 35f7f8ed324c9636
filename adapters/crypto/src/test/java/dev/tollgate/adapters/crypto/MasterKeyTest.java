package dev.tollgate.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterKeyTest {

    /** Starts with 0xfb 0xff 0xbf, "+/+/" in standard base64 and "-_-_" in URL-safe: both alphabets are exercised. */
    private static final byte[] KEY = keyBytes();

    @Test
    void standardAndUrlSafeBase64DecodeToTheSameKey() {
        String standard = Base64.getEncoder().encodeToString(KEY);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(KEY);
        assertTrue(standard.startsWith("+/+/") && standard.endsWith("="), standard);
        assertTrue(urlSafe.startsWith("-_-_") && !urlSafe.endsWith("="), urlSafe);

        String expected = probe(new MasterKey(KEY));
        assertEquals(expected, probe(MasterKey.fromBase64(standard)));
        assertEquals(expected, probe(MasterKey.fromBase64(urlSafe)));
        assertEquals(expected, probe(MasterKey.fromBase64("  " + standard + "\n")), "key files end with a newline");
        assertNotEquals(expected, probe(TestKeys.MASTER));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 31, 33, 48, 64})
    void refusesAnythingButThirtyTwoBytes(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 0x5a);
        String encoded = Base64.getEncoder().encodeToString(bytes);

        IllegalArgumentException fromBase64 =
                assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64(encoded));
        assertTrue(fromBase64.getMessage().contains("exactly 32 bytes, got " + length), fromBase64.getMessage());
        assertNoKeyIn(fromBase64.getMessage(), bytes, encoded);

        IllegalArgumentException fromBytes = assertThrows(IllegalArgumentException.class, () -> new MasterKey(bytes));
        assertNoKeyIn(fromBytes.getMessage(), bytes, encoded);
    }

    @Test
    void refusesMissingOrNonBase64InputWithoutQuotingIt() {
        assertThrows(IllegalArgumentException.class, () -> new MasterKey(null));
        assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64(null));
        String garbage = "sEcReT*value!that-is-not-base64";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64(garbage));
        assertEquals("The master key is not valid base64", e.getMessage());
    }

    @Test
    void toStringNeverShowsTheKey() {
        MasterKey key = new MasterKey(KEY);
        assertEquals("MasterKey[32 bytes]", key.toString());
        assertNoKeyIn(key.toString(), KEY, Base64.getEncoder().encodeToString(KEY));
    }

    @Test
    void keepsItsOwnCopyOfTheBytes() {
        byte[] bytes = KEY.clone();
        MasterKey key = new MasterKey(bytes);
        String before = probe(key);
        Arrays.fill(bytes, (byte) 0);
        assertEquals(before, probe(key), "wiping the caller's array changes nothing");
    }

    /** What a key does, observed from outside: the digest of a fixed secret. */
    private static String probe(MasterKey key) {
        return new HmacSecretDigester(key).digest("probe");
    }

    private static void assertNoKeyIn(String text, byte[] key, String encoded) {
        if (key.length > 0) {
            assertFalse(text.contains(encoded.replace("=", "")), "base64 key in: " + text);
            assertFalse(text.toLowerCase().contains(HexFormat.of().formatHex(key)), "hex key in: " + text);
        }
    }

    private static byte[] keyBytes() {
        byte[] key = new byte[MasterKey.LENGTH];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
        key[0] = (byte) 0xfb;
        key[1] = (byte) 0xff;
        key[2] = (byte) 0xbf;
        return key;
    }
}
