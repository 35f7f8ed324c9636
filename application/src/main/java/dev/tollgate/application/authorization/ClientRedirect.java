package dev.tollgate.application.authorization;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A redirect URI with response parameters added to its query (RFC 6749 §4.1.2: keep the URI's own query). */
final class ClientRedirect {

    private ClientRedirect() {
    }

    /** {@code parameters} in iteration order; null values are left out. */
    static URI to(URI redirectUri, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.append(query.isEmpty() ? "" : "&")
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        String base = redirectUri.toString();
        String separator = redirectUri.getRawQuery() == null ? "?" : (base.endsWith("&") || base.endsWith("?") ? "" : "&");
        return URI.create(base + separator + query);
    }
}
