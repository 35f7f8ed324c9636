package dev.tollgate.adapters.rest.common;

import com.fasterxml.jackson.core.JsonFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a token endpoint request the way RFC 6749 wants it read: body parameters once each, credentials never in
 * the query string, at most one client authentication method, and every mistake an {@code invalid_request} (or
 * {@code invalid_client}) rather than an exception.
 */
public final class TokenRequestReader {

    /** What a token request carried, once read. */
    public record ReadRequest(ClientCredentials credentials, Map<String, String> parameters) {
    }

    /** Beyond this a token request is not a token request. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** Parameters that must never travel in a URL, where proxies and logs keep them. */
    private static final Set<String> CONFIDENTIAL_PARAMETERS =
            Set.of("client_secret", "password", "refresh_token", "code", "assertion", "client_assertion", "code_verifier");

    private static final ObjectMapper STRICT_JSON = new ObjectMapper(
            JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private TokenRequestReader() {
    }

    /**
     * @param contentType   the Content-Type header, may be null
     * @param body          the raw body
     * @param authorization the Authorization header, may be null
     * @param queryNames    names of the query parameters
     * @param acceptJson    whether this dialect takes a JSON body (seed 003 does, the realm path does not)
     */
    public static Outcome<ReadRequest> read(
            String contentType, byte[] body, String authorization, Set<String> queryNames, boolean acceptJson) {
        if (queryNames.stream().anyMatch(CONFIDENTIAL_PARAMETERS::contains)) {
            return invalid("Credentials must not be sent in the query string");
        }
        if (body.length > MAX_BODY_BYTES) {
            return Outcome.failure(OAuthError.invalidRequest("The request body is too large")
                    .because(OAuthError.Cause.BODY_TOO_LARGE));
        }
        return parameters(contentType, body, acceptJson).then(parameters -> credentials(authorization, parameters));
    }

    /**
     * The body's parameters, once each, empty values dropped (RFC 6749 §3.1), from a form or, when {@code acceptJson},
     * a JSON object of strings; a malformed body is an {@code invalid_request} naming what is wrong.
     */
    public static Outcome<Map<String, String>> parameters(String contentType, byte[] body, boolean acceptJson) {
        String mediaType = mediaType(contentType);
        if (mediaType.equals("application/x-www-form-urlencoded") || (mediaType.isEmpty() && body.length == 0)) {
            return form(body);
        }
        if (acceptJson && mediaType.equals("application/json")) {
            return json(body);
        }
        return invalid(acceptJson
                ? "Content-Type must be application/x-www-form-urlencoded or application/json"
                : "Content-Type must be application/x-www-form-urlencoded");
    }

    private static Outcome<Map<String, String>> form(byte[] body) {
        List<FormBody.Pair> pairs;
        try {
            // strict: raw bytes that are not UTF-8 are a malformed request, not question marks
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
            pairs = FormBody.parse(text);
        } catch (java.nio.charset.CharacterCodingException e) {
            return invalid("The request body is not valid UTF-8");
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        Map<String, String> parameters = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (FormBody.Pair pair : pairs) {
            if (!seen.add(pair.name())) {
                return invalid("Parameter is repeated: " + printable(pair.name()));
            }
            // RFC 6749 §3.1: parameters sent without a value are treated as omitted
            if (!pair.value().isEmpty()) {
                parameters.put(pair.name(), pair.value());
            }
        }
        return Outcome.success(parameters);
    }

    private static Outcome<Map<String, String>> json(byte[] body) {
        JsonNode root;
        try {
            root = STRICT_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return invalid(e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "Parameter is repeated in the JSON body"
                    : "The request body is not valid JSON");
        } catch (IOException e) {
            return invalid("The request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            return invalid("The JSON body must be an object");
        }
        Map<String, String> parameters = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                return invalid("Parameter must be a string: " + printable(field.getKey()));
            }
            if (!value.textValue().isEmpty()) {
                parameters.put(field.getKey(), value.textValue());
            }
        }
        return Outcome.success(parameters);
    }

    private static Outcome<ReadRequest> credentials(String authorization, Map<String, String> parameters) {
        String bodyClientId = parameters.get("client_id");
        String bodySecret = parameters.remove("client_secret");
        if (authorization != null && !authorization.isBlank()) {
            return basic(authorization).then(basic -> {
                if (bodySecret != null) {
                    return invalid("Use only one client authentication method");
                }
                if (bodyClientId != null && !bodyClientId.equals(basic.clientId())) {
                    return invalid("client_id does not match the authenticated client");
                }
                return Outcome.success(new ReadRequest(basic, parameters));
            });
        }
        if (bodySecret != null) {
            if (bodyClientId == null) {
                return invalid("Missing parameter: client_id");
            }
            return Outcome.success(new ReadRequest(new ClientCredentials.SecretPost(bodyClientId, bodySecret), parameters));
        }
        ClientCredentials credentials = bodyClientId != null
                ? new ClientCredentials.ClientIdOnly(bodyClientId)
                : new ClientCredentials.Absent();
        return Outcome.success(new ReadRequest(credentials, parameters));
    }

    /** RFC 6749 §2.3.1: Basic over the form-urlencoded client_id and client_secret. */
    private static Outcome<ClientCredentials.SecretBasic> basic(String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        if (!scheme.equalsIgnoreCase("Basic")) {
            return invalid("Only HTTP Basic client authentication is accepted in the Authorization header");
        }
        Optional<String> decoded = decodeBase64(authorization.substring(space + 1).trim());
        int colon = decoded.map(d -> d.indexOf(':')).orElse(-1);
        if (colon <= 0) {
            return Outcome.failure(OAuthError.invalidClient().because(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED));
        }
        try {
            String id = FormBody.decode(decoded.get().substring(0, colon));
            String secret = FormBody.decode(decoded.get().substring(colon + 1));
            return Outcome.success(new ClientCredentials.SecretBasic(id, secret));
        } catch (IllegalArgumentException e) {
            return Outcome.failure(OAuthError.invalidClient().because(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED));
        }
    }

    private static Optional<String> decodeBase64(String value) {
        try {
            byte[] bytes = Base64.getDecoder().decode(value);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Parameter names end up in messages: keep them short and printable. */
    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.replaceAll("[^\\x20-\\x7E…]", "?");
    }

    private static <T> Outcome<T> invalid(String description) {
        return Outcome.failure(OAuthError.invalidRequest(description));
    }
}
