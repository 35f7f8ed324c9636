package dev.tollgate.adapters.rest.legacy;

import dev.tollgate.adapters.rest.common.TokenRequestReader;
import dev.tollgate.application.legacy.PasswordLogin;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads v0 request bodies as seed 001 describes them: a form (or, as the live API accepts, a JSON object) with every
 * field required and non-empty, credentials never in the query string. Mistakes are {@code invalid_request}s whose
 * description is the v0 message.
 */
final class V0Requests {

    /** Checked in this order, so the message names the password first, as the seed's example does. */
    private static final List<String> CONFIDENTIAL = List.of("password", "refresh_token", "client_secret");

    private V0Requests() {
    }

    static Outcome<PasswordLogin> passwordLogin(String contentType, byte[] body, Set<String> queryNames) {
        return fields(contentType, body, queryNames, "password").then(fields ->
                required(fields, "username").then(username -> required(fields, "password")
                        .map(password -> new PasswordLogin(username, password))));
    }

    static Outcome<String> refreshToken(String contentType, byte[] body, Set<String> queryNames) {
        return fields(contentType, body, queryNames, "refresh_token")
                .then(fields -> required(fields, "refresh_token"));
    }

    private static Outcome<Map<String, String>> fields(
            String contentType, byte[] body, Set<String> queryNames, String grantType) {
        for (String name : CONFIDENTIAL) {
            if (queryNames.contains(name)) {
                return invalid("query parameter " + name + " is not allowed.");
            }
        }
        if (body.length > TokenRequestReader.MAX_BODY_BYTES) {
            return invalid("The request body is too large");
        }
        return TokenRequestReader.parameters(contentType, body, true).then(fields -> required(fields, "grant_type")
                .then(given -> given.equals(grantType)
                        ? Outcome.success(fields)
                        : invalid("grant_type must be " + grantType)));
    }

    private static Outcome<String> required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? invalid("Missing or empty field: " + name) : Outcome.success(value);
    }

    private static <T> Outcome<T> invalid(String message) {
        return Outcome.failure(OAuthError.invalidRequest(message));
    }
}
