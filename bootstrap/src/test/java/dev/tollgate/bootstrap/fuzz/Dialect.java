package dev.tollgate.bootstrap.fuzz;

/**
 * The error shape a path answers in. Decided from the path as sent, with the rules the service itself uses (the v0
 * prefix, the Moltin paths, the admin prefix); the authorization endpoints answer browsers with HTML pages.
 */
enum Dialect {
    /** RFC 6749 §5.2 {@code {"error","error_description"}}: the OAuth and realm token, introspection, revocation,
     * JWKS and metadata paths, and every unknown path. */
    OAUTH,
    /** Seed 001's {@code {"status","message","request_id"}}. */
    V0,
    /** JSON:API {@code {"errors":[{"status","title","detail"}]}} (seed 004). */
    JSON_API,
    /** {@code {"error","error_description","field"}} (docs/admin-api.md). */
    ADMIN,
    /** The authorization endpoint: login and error pages in HTML, redirects. */
    LOGIN_PAGE,
    /** A static HTML page (the v0 migration guide); framework refusals are OAuth-shaped. */
    DOCUMENT;

    /** The dialect of a path, taken as it is (see {@link #normalize} for the path as routed). */
    static Dialect of(String path) {
        if (path.startsWith("/v0/")) {
            return V0;
        }
        if (path.matches("/oauth/access_token/?") || path.startsWith("/v2/")) {
            return JSON_API;
        }
        if (path.equals("/admin") || path.startsWith("/admin/")) {
            return ADMIN;
        }
        if (path.matches("/oauth/authorize/?|/auth/realms/[^/]+/protocol/openid-connect/auth/?")) {
            return LOGIN_PAGE;
        }
        if (path.startsWith("/docs/")) {
            return DOCUMENT;
        }
        return OAUTH;
    }

    /**
     * The path as the service routes it: escapes of unreserved characters decoded, dot segments removed (RFC 3986
     * §6.2.2), matrix parameters dropped and empty segments collapsed (JAX-RS path matching).
     */
    static String normalize(String rawPath) {
        StringBuilder decoded = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length()) {
                int hi = Character.digit(rawPath.charAt(i + 1), 16);
                int lo = Character.digit(rawPath.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    char value = (char) ((hi << 4) | lo);
                    if (value < 128 && (Character.isLetterOrDigit(value) || "-._~".indexOf(value) >= 0)) {
                        decoded.append(value);
                        i += 2;
                        continue;
                    }
                }
            }
            decoded.append(c);
        }
        // dot segments first (an empty segment counts: /a/b//.. is /a/b/), then JAX-RS's view of what is left
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        String[] parts = decoded.toString().split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int matrix = part.indexOf(';');
            if (matrix >= 0) {
                part = part.substring(0, matrix);
            }
            if (part.equals("..")) {
                segments.pollLast();
            } else if (!part.equals(".")) {
                segments.addLast(part);
            }
        }
        segments.removeIf(String::isEmpty);
        return "/" + String.join("/", segments);
    }
}
