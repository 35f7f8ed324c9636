package dev.tollgate.domain.error;

/** The closed set of OAuth 2.0 error codes Tollgate answers with (RFC 6749 §5.2, §4.1.2.1, RFC 6750 §3.1). */
public enum OAuthErrorCode {
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    INVALID_SCOPE("invalid_scope"),
    /** Authorization endpoint only (RFC 6749 §4.1.2.1): the user or the server refused the request. */
    ACCESS_DENIED("access_denied"),
    /** Authorization endpoint only (RFC 6749 §4.1.2.1). */
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    /** RFC 6750 §3.1: the bearer token presented to a protected endpoint is expired, revoked or not a token. */
    INVALID_TOKEN("invalid_token"),
    /** RFC 6750 §3.1: the bearer token is valid but not for this. */
    INSUFFICIENT_SCOPE("insufficient_scope"),
    SERVER_ERROR("server_error"),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable");

    private final String wireName;

    OAuthErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
