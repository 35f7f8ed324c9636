package dev.tollgate.bootstrap.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks tokens: JWTs (access tokens, assertions, ID tokens) part by part, and opaque tokens (refresh tokens, codes) by
 * bytes. The result is a description and the broken text.
 */
final class BrokenTokens {

    record Broken(String how, String token) {
    }

    private static final List<String> HEADERS = List.of(
            "{\"alg\":\"none\",\"typ\":\"JWT\"}",
            "{\"alg\":\"NONE\"}",
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"alg\":\"RS256\",\"kid\":\"unknown-kid\"}",
            "{\"alg\":\"ES256\",\"kid\":\"fz-rsa-1\"}",
            "{\"alg\":\"RS256\",\"kid\":\"../../../../etc/passwd\"}",
            "{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(5000) + "\"}",
            "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}",
            "{\"alg\":\"RS256\",\"jku\":\"http://127.0.0.1:1/jwks\"}",
            "{\"alg\":\"RS256\",\"x5u\":\"http://127.0.0.1:1/cert\"}",
            "{\"alg\":\"RS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}",
            "{\"alg\":\"PS256\"}",
            "{\"alg\":\"dir\",\"enc\":\"A128GCM\"}",
            "{\"alg\":\"HS256\",\"alg\":\"none\"}",
            "{\"alg\":7}",
            "{\"alg\":null}",
            "{}",
            "[]",
            "null",
            "\"alg\"",
            "{\"alg\":",
            "{alg:'none'}");

    private static final List<String> PAYLOADS = List.of(
            "{\"iss\":\"fz-jwt\",\"sub\":\"" + FuzzWorld.EMAIL + "\",\"exp\":\"tomorrow\"}",
            "{\"iss\":\"fz-jwt\",\"sub\":\"" + FuzzWorld.EMAIL + "\",\"iat\":1e400,\"exp\":-1}",
            "{\"iss\":\"fz-jwt\",\"sub\":[\"a\"],\"aud\":{\"x\":1},\"iat\":99999999999999999999}",
            "{\"iss\":7,\"sub\":null,\"jti\":[],\"nbf\":\"x\"}",
            "{\"iss\":\"fz-jwt\",\"iss\":\"fz-keys\",\"sub\":\"" + FuzzWorld.EMAIL + "\"}",
            "{\"tenant\":\"admin\",\"scope\":\"tenants:manage\",\"sub\":\"x\",\"exp\":9999999999}",
            "{\"tenant\":[\"admin\"],\"exp\":9999999999}",
            "{\"tenant\":\"fuzz-dialects\",\"iss\":\"http://localhost:8081/auth/realms/fuzz-dialects\"}",
            "[1,2,3]",
            "\"just a string\"",
            "12",
            "{",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "{\"pad\":\"" + "x".repeat(20_000) + "\"}");

    private BrokenTokens() {
    }

    static Broken breakToken(String token, SplittableRandom random, List<String> pool) {
        String[] parts = token.split("\\.", -1);
        boolean jwt = parts.length == 3 || parts.length == 5;
        if (!jwt || random.nextInt(5) == 0) {
            return bytes(token, random, pool);
        }
        String header = parts[0];
        String payload = parts[1];
        String signature = parts[2];
        return switch (random.nextInt(14)) {
            case 0 -> new Broken("JWT: bad base64url in a part", badBase64(parts, random));
            case 1 -> {
                String h = Values.pick(random, HEADERS);
                yield new Broken("JWT: header " + abbreviate(h), Values.base64Url(h) + "." + payload + "." + signature);
            }
            case 2 -> new Broken("JWT: alg none, no signature",
                    Values.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".");
            case 3 -> {
                String p = Values.pick(random, PAYLOADS);
                yield new Broken("JWT: payload " + abbreviate(p), header + "." + Values.base64Url(p) + "." + signature);
            }
            case 4 -> new Broken("JWT: signature removed", header + "." + payload + (random.nextBoolean() ? "." : ""));
            case 5 -> new Broken("JWT: extra parts", token + Values.pick(random, List.of(".", ".x", ".x.y", "..")));
            case 6 -> new Broken("JWT: empty parts", Values.pick(random, List.of("..", ".", "...", "....",
                    header + "..", "." + payload + ".", header + ".." + signature)));
            case 7 -> new Broken("JWT: signature flipped", header + "." + payload + "." + flip(signature, random));
            case 8 -> new Broken("JWT: header not UTF-8",
                    Values.base64Url(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}) + "." + payload + "." + signature);
            case 9 -> new Broken("JWT: padded base64", pad(header) + "." + pad(payload) + "." + signature);
            case 10 -> new Broken("JWT: standard base64 alphabet", toStandard(token));
            case 11 -> new Broken("JWT: huge payload", header + "." + Values.base64Url("{\"sub\":\""
                    + "x".repeat(Values.HUGE) + "\"}") + "." + signature);
            case 12 -> new Broken("JWT: parts swapped", payload + "." + header + "." + signature);
            default -> new Broken("JWT: another token", Values.pick(random, pool));
        };
    }

    private static Broken bytes(String token, SplittableRandom random, List<String> pool) {
        return switch (random.nextInt(7)) {
            case 0 -> new Broken("token: one character changed", flip(token, random));
            case 1 -> new Broken("token: truncated", token.substring(0, random.nextInt(Math.max(1, token.length()))));
            case 2 -> new Broken("token: appended", token + Values.ascii(random, 1 + random.nextInt(8)));
            case 3 -> new Broken("token: huge", token + "A".repeat(Values.HUGE));
            case 4 -> new Broken("token: unicode", token + Values.unicode(random, 3));
            case 5 -> new Broken("token: another token", Values.pick(random, pool));
            default -> new Broken("token: random", Values.any(random));
        };
    }

    private static String badBase64(String[] parts, SplittableRandom random) {
        int which = random.nextInt(3);
        String bad = Values.pick(random, List.of("!", "=", "+", "/", " ", "%", "\u00e9", "*"));
        String part = parts[which];
        int at = part.isEmpty() ? 0 : random.nextInt(part.length());
        parts[which] = part.substring(0, at) + bad + part.substring(at);
        return String.join(".", parts);
    }

    private static String flip(String text, SplittableRandom random) {
        if (text.isEmpty()) {
            return "A";
        }
        int at = random.nextInt(text.length());
        char c = text.charAt(at);
        char other = c == 'A' ? 'B' : 'A';
        return text.substring(0, at) + other + text.substring(at + 1);
    }

    private static String pad(String part) {
        return part + "=".repeat((4 - part.length() % 4) % 4);
    }

    private static String toStandard(String token) {
        return token.replace('-', '+').replace('_', '/');
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    static boolean looksLikeToken(String value) {
        return value.length() >= 20 && value.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                || c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '/' || c == '='));
    }
}
