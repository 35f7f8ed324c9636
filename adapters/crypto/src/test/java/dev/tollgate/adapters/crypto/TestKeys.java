package dev.tollgate.adapters.crypto;

import java.util.Arrays;

/** Fixed master keys: tests must be repeatable, and two distinct keys show what depends on the key. */
final class TestKeys {

    static final MasterKey MASTER = new MasterKey(filled(7));
    static final MasterKey OTHER_MASTER = new MasterKey(filled(8));

    private TestKeys() {
    }

    static byte[] filled(int value) {
        byte[] bytes = new byte[MasterKey.LENGTH];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
