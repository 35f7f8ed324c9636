package dev.tollgate.bootstrap.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request being built and mutated, kept in parts (form parameters, JSON text, headers) so that mutations can act on
 * its structure. Every text here is a byte string: one char per byte (ISO-8859-1), so that a value may hold raw bytes
 * that are not UTF-8 and still go on the wire exactly.
 */
final class Draft {

    /** A form or query parameter, already percent-encoded (or deliberately not); {@code value} null: no '='. */
    record Param(String name, String value) {

        static Param encoded(String name, String value) {
            return new Param(encode(name), encode(value));
        }

        String render() {
            return value == null ? name : name + "=" + value;
        }
    }

    /** A header; the value is a byte string. */
    record Header(String name, String value) {
    }

    enum BodyKind { NONE, FORM, JSON, MULTIPART, RAW }

    /** Past this the service's HTTP layer refuses the body (quarkus.http.limits.max-body-size=1M). */
    static final int BODY_LIMIT = 1024 * 1024;

    String method;
    String path;
    final List<Param> query = new ArrayList<>();
    final List<Header> headers = new ArrayList<>();
    BodyKind kind = BodyKind.NONE;
    final List<Param> form = new ArrayList<>();
    /** JSON, multipart or raw body text (a byte string). */
    String text = "";
    String boundary = "fuzzboundary7MA4YWxkTrZu0gW";
    boolean chunked;
    boolean lengthAndChunked;
    /** The request breaks HTTP/1.1 itself or a limit of the HTTP layer: a bare refusal or a cut connection is fair. */
    boolean beyondLimits;
    final List<String> applied = new ArrayList<>();

    Draft(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The UTF-8 bytes of {@code value} as a byte string. */
    static String utf8(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    Draft header(String name, String value) {
        headers.add(new Header(name, utf8(value)));
        return this;
    }

    Draft query(String name, String value) {
        query.add(Param.encoded(name, value));
        return this;
    }

    Draft form(String name, String value) {
        kind = BodyKind.FORM;
        form.add(Param.encoded(name, value));
        return this;
    }

    Draft formBody() {
        kind = BodyKind.FORM;
        return header("Content-Type", "application/x-www-form-urlencoded");
    }

    Draft json(String json) {
        kind = BodyKind.JSON;
        text = utf8(json);
        return header("Content-Type", "application/json");
    }

    Draft multipart() {
        kind = BodyKind.MULTIPART;
        return header("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    Optional<Header> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).findFirst();
    }

    void removeHeaders(String name) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
    }

    void setHeader(String name, String value) {
        int at = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase(name)) {
                at = i;
                break;
            }
        }
        removeHeaders(name);
        headers.add(at < 0 ? headers.size() : Math.min(at, headers.size()), new Header(name, value));
    }

    void note(String mutation) {
        applied.add(mutation);
    }

    String target() {
        return query.isEmpty() ? path : path + "?" + query.stream().map(Param::render).collect(Collectors.joining("&"));
    }

    byte[] body() {
        String bytes = switch (kind) {
            case NONE -> "";
            case FORM -> form.stream().map(Param::render).collect(Collectors.joining("&"));
            case MULTIPART -> multipartText();
            case JSON, RAW -> text;
        };
        return bytes.getBytes(StandardCharsets.ISO_8859_1);
    }

    private String multipartText() {
        if (!text.isEmpty()) {
            return text;
        }
        StringBuilder body = new StringBuilder();
        for (Param part : form) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append("\"\r\n\r\n")
                    .append(part.value() == null ? "" : part.value()).append("\r\n");
        }
        return body.append("--").append(boundary).append("--\r\n").toString();
    }

    /** Turns a multipart body into its text, so that text mutations can break it. */
    void freezeMultipart() {
        if (kind == BodyKind.MULTIPART && text.isEmpty()) {
            text = multipartText();
        }
    }

    RawHttp.Request render() {
        byte[] body = body();
        List<RawHttp.Header> wire = new ArrayList<>();
        for (Header header : headers) {
            wire.add(new RawHttp.Header(header.name(), header.value().getBytes(StandardCharsets.ISO_8859_1)));
        }
        boolean hasBody = body.length > 0 || !(method.equals("GET") || method.equals("HEAD"));
        if (chunked) {
            wire.add(RawHttp.Header.of("Transfer-Encoding", "chunked"));
            if (lengthAndChunked) {
                wire.add(RawHttp.Header.of("Content-Length", Integer.toString(body.length)));
            }
        } else if (hasBody) {
            wire.add(RawHttp.Header.of("Content-Length", Integer.toString(body.length)));
        }
        wire.add(RawHttp.Header.of("Connection", "close"));
        return new RawHttp.Request(method, target(), wire, body, chunked);
    }

    ResponseProperty.Sent sent() {
        String routed = Dialect.normalize(path);
        List<Dialect> dialects = Dialect.of(path) == Dialect.of(routed)
                ? List.of(Dialect.of(routed)) : List.of(Dialect.of(routed), Dialect.of(path));
        return new ResponseProperty.Sent(dialects, method, path,
                beyondLimits || body().length > BODY_LIMIT || !validTarget(target()) || headerBytes() > HEADER_LIMIT
                        || headers.stream().anyMatch(h -> !validFieldValue(h.value())),
                routed.endsWith("/revoke"));
    }

    /** Past this the HTTP layer refuses the headers (Vert.x's default maximum header size). */
    static final int HEADER_LIMIT = 8192;

    private int headerBytes() {
        return headers.stream().mapToInt(h -> h.name().length() + h.value().length() + 4).sum();
    }

    /** RFC 9110 §5.5: no control characters but HTAB in a field value (obs-text, 0x80-0xFF, is allowed). */
    static boolean validFieldValue(String value) {
        return value.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }

    /**
     * RFC 9112 §3.2 origin-form (RFC 3986 path and query): only these characters, '%' only as the start of an escape;
     * no fragment ('#') and no '[' or ']', which only an authority may hold.
     */
    static boolean validTarget(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0) {
                    return false;
                }
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || "-._~:/?@!$&'()*+,;=".indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }
}
