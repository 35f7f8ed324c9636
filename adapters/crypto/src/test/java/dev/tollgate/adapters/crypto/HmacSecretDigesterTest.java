package dev.tollgate.adapters.crypto;

import static dev.tollgate.adapters.crypto.TestKeys.MASTER;
import static dev.tollgate.adapters.crypto.TestKeys.OTHER_MASTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacSecretDigesterTest {

    private static final String SECRET = "kq2cG1pY8o0mZ3N4r5s6t7u8v9w0x1y2z3A4B5C6D7E";
    private static final String PREFIX = "hmac-sha256:v1:";

    private final HmacSecretDigester digester = new HmacSecretDigester(MASTER);

    @Test
    void digestIsHmacSha256UnderThePepperDerivedFromTheMasterKey() throws Exception {
        // computed independently: stored digests must stay valid across releases, so the construction is pinned
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestKeys.filled(7), "HmacSHA256"));
        byte[] pepper = mac.doFinal("tollgate/client-secret-pepper/v1".getBytes(StandardCharsets.US_ASCII));
        mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
        String expected = PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(SECRET.getBytes(StandardCharsets.UTF_8)));

        assertEquals(expected, digester.digest(SECRET));
    }

    @Test
    void formatIsConstant() {
        for (String secret : List.of("", "a", SECRET, "ünïcødé secret", "x".repeat(10_000))) {
            String digest = digester.digest(secret);
            assertTrue(digest.matches("hmac-sha256:v1:[A-Za-z0-9_-]{43}"), digest);
            assertEquals(digest, digester.digest(secret), "deterministic");
            assertEquals(digest, new HmacSecretDigester(new MasterKey(TestKeys.filled(7))).digest(secret),
                    "the same master key on another replica gives the same digest");
            assertTrue(digester.matches(secret, digest));
        }
    }

    @Test
    void matchesOnlyTheSecretItWasMadeFrom() {
        String digest = digester.digest(SECRET);
        assertTrue(digester.matches(SECRET, digest));
        assertFalse(digester.matches(SECRET + " ", digest));
        assertFalse(digester.matches(SECRET.substring(1), digest));
        assertFalse(digester.matches(SECRET.toLowerCase(), digest));
        assertFalse(digester.matches("", digest));
        assertFalse(digester.matches(null, digest));
        assertNotEquals(digest, digester.digest(SECRET + "x"));
    }

    @Test
    void theMasterKeyIsPartOfTheDigest() {
        HmacSecretDigester other = new HmacSecretDigester(OTHER_MASTER);
        String digest = digester.digest(SECRET);
        assertNotEquals(digest, other.digest(SECRET));
        assertFalse(other.matches(SECRET, digest), "a stolen digest table is useless without the master key");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        PREFIX,
        PREFIX + "!!!not*base64!!!",
        PREFIX + "AAAA",
        PREFIX + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "hmac-sha256:v2:",
        "sha256:whatever",
        "$2a$10$abcdefghijklmnopqrstuv",
        "HMAC-SHA256:V1:"
    })
    void malformedStoredDigestsNeverMatchAndNeverThrow(String digest) {
        assertFalse(digester.matches(SECRET, digest));
    }

    @Test
    void nearMissesOfARealDigestDoNotMatch() {
        String digest = digester.digest(SECRET);
        String mac = digest.substring(PREFIX.length());
        assertFalse(digester.matches(SECRET, digest.substring(0, digest.length() - 1)), "truncated");
        assertFalse(digester.matches(SECRET, digest + "A"), "extended");
        assertFalse(digester.matches(SECRET, digest + "="), "padded");
        assertFalse(digester.matches(SECRET, "hmac-sha256:v2:" + mac), "unknown version");
        byte[] raw = Base64.getUrlDecoder().decode(mac);
        raw[0] ^= 1;
        assertFalse(digester.matches(SECRET, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw)),
                "one bit flipped");
        // the last character carries 4 bits and 2 padding bits: a decoder ignores the padding bits, we do not
        char last = mac.charAt(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertFalse(digester.matches(SECRET, PREFIX + mac.substring(0, 42) + sibling), "non-canonical encoding");
    }

    @Test
    void safeUnderConcurrentUse() {
        // a Mac shared between threads would mix inputs and produce wrong digests under load
        List<String> secrets = IntStream.range(0, 5_000).mapToObj(i -> SECRET + i).toList();
        List<String> sequential = secrets.stream().map(digester::digest).toList();
        long wrongDigests = IntStream.range(0, secrets.size()).parallel()
                .filter(i -> !digester.digest(secrets.get(i)).equals(sequential.get(i)))
                .count();
        long failedMatches = IntStream.range(0, secrets.size()).parallel()
                .filter(i -> !digester.matches(secrets.get(i), sequential.get(i)))
                .count();
        assertEquals(0, wrongDigests, "digests computed concurrently differ");
        assertEquals(0, failedMatches, "matches failed under concurrency");
    }
}
