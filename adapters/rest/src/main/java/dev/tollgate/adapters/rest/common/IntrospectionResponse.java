package dev.tollgate.adapters.rest.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tollgate.application.token.Introspection;
import dev.tollgate.application.token.VerifiedAccessToken;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.token.RefreshToken;
import java.time.Instant;

/** RFC 7662 §2.2's response; an inactive token is {@code {"active": false}} and nothing else. */
@JsonPropertyOrder({"active", "scope", "client_id", "username", "token_type", "exp", "iat", "sub", "aud", "iss",
        "jti", "view"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntrospectionResponse(
        @JsonProperty("active") boolean active,
        @JsonProperty("scope") String scope,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("username") String username,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("exp") Long exp,
        @JsonProperty("iat") Long iat,
        @JsonProperty("sub") String sub,
        /** a string, as in the token, unless the token had several audiences */
        @JsonProperty("aud") Object aud,
        @JsonProperty("iss") String iss,
        @JsonProperty("jti") String jti,
        @JsonProperty("view") Object view) {

    /** RFC 7662 leaves token_type to the server; refresh tokens get the name of their grant parameter. */
    static final String REFRESH_TOKEN_TYPE = "refresh_token";

    public static IntrospectionResponse of(Introspection introspection) {
        return switch (introspection) {
            case Introspection.Inactive inactive -> inactive();
            case Introspection.ActiveAccessToken access -> access(access.token(), access.username().orElse(null));
            case Introspection.ActiveRefreshToken refresh -> refresh(refresh.token());
        };
    }

    private static IntrospectionResponse inactive() {
        return new IntrospectionResponse(false, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static IntrospectionResponse access(VerifiedAccessToken token, String username) {
        Object audience = token.audience().size() == 1 ? token.audience().getFirst()
                : token.audience().isEmpty() ? null : token.audience();
        return new IntrospectionResponse(true, scope(token.scope()), token.clientId(), username, IssuedToken.BEARER,
                token.expiresAt().getEpochSecond(), token.issuedAt().getEpochSecond(), token.subject(), audience,
                token.issuer(), token.tokenId(), token.view().orElse(null));
    }

    private static IntrospectionResponse refresh(RefreshToken token) {
        return new IntrospectionResponse(true, scope(token.scope()), token.clientId(), null, REFRESH_TOKEN_TYPE,
                token.expiresAt().map(Instant::getEpochSecond).orElse(null), token.issuedAt().getEpochSecond(),
                token.userId().toString(), null, null, null, null);
    }

    private static String scope(dev.tollgate.domain.scope.Scope scope) {
        return scope.isEmpty() ? null : scope.value();
    }
}
