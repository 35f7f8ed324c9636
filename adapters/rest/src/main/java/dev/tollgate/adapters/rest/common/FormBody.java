package dev.tollgate.adapters.rest.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


/**
 * A strict {@code application/x-www-form-urlencoded} parser. Unlike the framework's lenient one it reports repeated
 * parameters (RFC 6749 §3.2 forbids them), bad percent-escapes and invalid UTF-8 instead of guessing.
 */
public final class FormBody {

    /** One name=value pair, in body order. */
    public record Pair(String name, String value) {
        @Override
        public String toString() {
            return name + "=<" + value.length() + " chars>";
        }
    }

    private FormBody() {
    }

    /** Parses the body; throws {@link IllegalArgumentException} with a caller-safe message when malformed. */
    public static List<Pair> parse(String body) {
        List<Pair> pairs = new ArrayList<>();
        if (body.isEmpty()) {
            return pairs;
        }
        for (String part : body.split("&", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (!name.isEmpty()) {
                pairs.add(new Pair(name, value));
            }
        }
        return pairs;
    }

    /** Percent-decoding with '+' as space, rejecting malformed escapes and invalid UTF-8. */
    public static String decode(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("Malformed percent-encoding in the request body");
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Malformed percent-encoding in the request body");
                }
                bytes.write((hi << 4) | lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The request body is not valid UTF-8");
        }
    }

}
