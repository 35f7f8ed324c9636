package dev.tollgate.bootstrap.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.domain.error.OAuthErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The property every answer must have, whatever was sent: no server error, no hang, and a body that is well-formed in
 * the dialect of the path (its error shape, a Content-Type that says what the body is), with nothing of the service's
 * insides (stack traces, class names, parser messages) in it.
 */
final class ResponseProperty {

    /**
     * What a request was, beyond its bytes: the dialects its path may answer in (the path as sent and as routed, when
     * they differ, e.g. {@code /auth/realms/../x}), and whether it broke HTTP itself or exceeded a limit of the HTTP
     * layer.
     */
    record Sent(List<Dialect> dialects, String method, String path, boolean beyondLimits, boolean revocation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private static final Set<String> OAUTH_ERRORS = Arrays.stream(OAuthErrorCode.values())
            .map(OAuthErrorCode::wireName).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> ADMIN_ERRORS =
            Set.of("invalid_request", "not_found", "conflict", "insufficient_scope", "invalid_token");

    /** Traces of the implementation: a fully qualified class name, a stack frame, a parser's message. */
    private static final Pattern LEAK = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|io|org|com|dev)\\.(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*"
                    + "|\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|Caused by:|[A-Za-z]Exception\\b|\\[Source: "
                    + "|through reference chain|line: \\d+, column: \\d+|\\bSQLState\\b|\\bERROR: ");

    private ResponseProperty() {
    }

    static List<String> check(Sent sent, RawHttp.Outcome outcome, Duration bound) {
        List<String> problems = new ArrayList<>();
        switch (outcome) {
            case RawHttp.TimedOut timedOut -> problems.add("no complete response within " + bound.toSeconds() + " s");
            case RawHttp.Closed closed -> {
                // a request past the server's limits may be cut off (an RST races the 413/414/431); others may not
                if (!sent.beyondLimits()) {
                    problems.add("connection closed without a response: " + closed.why());
                }
            }
            case RawHttp.Response response -> checkResponse(sent, response, problems);
        }
        return problems;
    }

    private static void checkResponse(Sent sent, RawHttp.Response response, List<String> problems) {
        int status = response.status();
        if (status >= 500) {
            problems.add("server error " + status);
        }
        if (status == 429 && response.header("retry-after").isEmpty()) {
            problems.add("429 without Retry-After");
        }
        byte[] body = response.body();
        String text = new String(body, StandardCharsets.UTF_8);
        // tokens in a success body are random base64url: only errors and pages are read for leaks
        boolean successJson = status < 300 && response.header("content-type").map(ResponseProperty::mediaType)
                .filter("application/json"::equals).isPresent();
        if (!successJson && LEAK.matcher(text).find()) {
            problems.add("the body shows implementation details: " + excerpt(text, LEAK));
        }
        if (sent.method().equals("HEAD")) {
            return;
        }
        if (body.length == 0) {
            if (!emptyBodyAllowed(sent, status)) {
                problems.add("empty body with status " + status);
            }
            return;
        }
        Optional<String> mediaType = response.header("content-type").map(ResponseProperty::mediaType);
        if (mediaType.isEmpty()) {
            problems.add("a body without Content-Type");
            return;
        }
        // well-formed in one of the path's dialects
        List<String> first = null;
        for (Dialect dialect : sent.dialects()) {
            List<String> found = new ArrayList<>();
            shape(dialect, status, mediaType.get(), body, response, found);
            if (found.isEmpty()) {
                return;
            }
            if (first == null) {
                first = found;
            }
        }
        problems.addAll(first);
    }

    private static void shape(Dialect dialect, int status, String mediaType, byte[] body, RawHttp.Response response,
            List<String> problems) {
        switch (mediaType) {
            case "application/json" -> json(body, problems).ifPresent(node -> jsonShape(dialect, status, node, problems));
            case "text/html" -> {
                if (!html(body)) {
                    problems.add("Content-Type text/html but the body is not an HTML document");
                } else if (!htmlAllowed(dialect, status)) {
                    problems.add("an HTML page where the " + dialect + " dialect answers JSON");
                }
            }
            default -> problems.add("unexpected Content-Type " + mediaType);
        }
        if (dialect == Dialect.LOGIN_PAGE && (status == 302 || status == 303) && response.header("location").isEmpty()) {
            problems.add(status + " without Location");
        }
    }

    /** Where HTTP allows no body or the endpoint answers with none. */
    private static boolean emptyBodyAllowed(Sent sent, int status) {
        if (status == 204 || status == 304 || status == 302 || status == 303) {
            return true;
        }
        if (sent.method().equals("OPTIONS") && status < 300) {
            return true;
        }
        // RFC 7009 §2.2: revocation answers 200 with nothing to say
        if (sent.revocation() && status == 200) {
            return true;
        }
        // Netty refuses a request line or headers over its limits before Vert.x sees the request
        if (status == 414 || status == 431) {
            return true;
        }
        // and Vert.x a request it cannot parse (no valid URI, a bad header) before any route runs
        return sent.beyondLimits() && (status == 400 || status == 413);
    }

    private static boolean htmlAllowed(Dialect dialect, int status) {
        return switch (dialect) {
            case LOGIN_PAGE -> true;
            case DOCUMENT -> status == 200;
            case OAUTH, V0, JSON_API, ADMIN -> false;
        };
    }

    private static void jsonShape(Dialect dialect, int status, JsonNode node, List<String> problems) {
        if (!node.isObject()) {
            problems.add("the JSON body is not an object");
            return;
        }
        if (status < 400) {
            if (dialect == Dialect.LOGIN_PAGE || dialect == Dialect.DOCUMENT) {
                problems.add("JSON with status " + status + " where a page is expected");
            }
            return;
        }
        switch (dialect) {
            case OAUTH -> oauthError(status, node, problems);
            case V0 -> v0Error(status, node, problems);
            case JSON_API -> jsonApiError(status, node, problems);
            case ADMIN -> adminError(status, node, problems);
            case LOGIN_PAGE -> problems.add("JSON error " + status + " where the page answers in HTML");
            // the guide has no errors of its own: the framework's refusals (method, media type, Host) are OAuth-shaped
            case DOCUMENT -> oauthError(status, node, problems);
        }
    }

    private static void oauthError(int status, JsonNode node, List<String> problems) {
        keysWithin(node, Set.of("error", "error_description", "error_uri"), problems);
        String error = text(node, "error");
        if (error == null) {
            problems.add("OAuth error without a string \"error\"");
        } else if (!OAUTH_ERRORS.contains(error) && status != 429) {
            problems.add("unknown OAuth error code " + error);
        }
        optionalText(node, "error_description", problems);
    }

    private static void v0Error(int status, JsonNode node, List<String> problems) {
        if (!fieldNames(node).equals(List.of("status", "message", "request_id"))) {
            problems.add("v0 error fields are " + fieldNames(node) + ", not [status, message, request_id]");
        }
        if (!node.path("status").isInt() || node.path("status").intValue() != status) {
            problems.add("v0 error status " + node.path("status") + " is not the HTTP status " + status);
        }
        if (text(node, "message") == null || text(node, "message").isEmpty()) {
            problems.add("v0 error without a message");
        }
        if (text(node, "request_id") == null || text(node, "request_id").isEmpty()) {
            problems.add("v0 error without a request_id");
        }
    }

    private static void jsonApiError(int status, JsonNode node, List<String> problems) {
        if (!fieldNames(node).equals(List.of("errors"))) {
            problems.add("JSON:API error document fields are " + fieldNames(node) + ", not [errors]");
        }
        JsonNode errors = node.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            problems.add("JSON:API \"errors\" is not a non-empty array");
            return;
        }
        for (JsonNode error : errors) {
            keysWithin(error, Set.of("status", "title", "detail", "code", "source", "id", "meta"), problems);
            if (!Integer.toString(status).equals(text(error, "status"))) {
                problems.add("JSON:API error status " + error.path("status") + " is not \"" + status + "\"");
            }
            if (text(error, "title") == null) {
                problems.add("JSON:API error without a title");
            }
            optionalText(error, "detail", problems);
        }
    }

    private static void adminError(int status, JsonNode node, List<String> problems) {
        keysWithin(node, Set.of("error", "error_description", "field"), problems);
        String error = text(node, "error");
        if (error == null) {
            problems.add("admin error without a string \"error\"");
        } else if (!ADMIN_ERRORS.contains(error) && status != 429) {
            problems.add("unknown admin error code " + error);
        }
        optionalText(node, "error_description", problems);
        optionalText(node, "field", problems);
    }

    private static Optional<JsonNode> json(byte[] body, List<String> problems) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            problems.add("a JSON body that is not UTF-8");
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            problems.add("Content-Type application/json but the body is not JSON");
            return Optional.empty();
        }
    }

    private static boolean html(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        return (text.startsWith("<!doctype html") || text.startsWith("<html")) && text.contains("</html>");
    }

    private static void keysWithin(JsonNode node, Set<String> allowed, List<String> problems) {
        for (String name : fieldNames(node)) {
            if (!allowed.contains(name)) {
                problems.add("unexpected field \"" + name + "\" in the error");
            }
        }
    }

    private static void optionalText(JsonNode node, String name, List<String> problems) {
        if (node.has(name) && !node.get(name).isTextual()) {
            problems.add("\"" + name + "\" is not a string");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String excerpt(String text, Pattern pattern) {
        var matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return "";
        }
        int from = Math.max(0, matcher.start() - 40);
        int to = Math.min(text.length(), matcher.end() + 40);
        return "…" + text.substring(from, to) + "…";
    }
}
