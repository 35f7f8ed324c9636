package dev.tollgate.application.admin;

import java.util.List;
import java.util.Optional;

/**
 * What an administrator sends to create or change an API client. Absent fields keep their current value on a
 * change and take their default on a creation.
 *
 * @param jwks the client's public JWK Set as JSON text (RFC 7591); a set without keys removes the registered ones
 */
public record ClientSpec(
        Optional<String> clientId,
        Optional<String> name,
        Optional<String> description,
        Optional<String> kind,
        Optional<String> owner,
        Optional<List<String>> grantTypes,
        Optional<List<String>> scopes,
        Optional<Boolean> legacyApis,
        Optional<Integer> accessTokenTtl,
        Optional<Integer> refreshTokenTtl,
        Optional<List<String>> redirectUris,
        Optional<String> tokenEndpointAuthMethod,
        Optional<Boolean> enabled,
        Optional<String> jwks) {

    /** A spec that leaves the client's public keys as they are. */
    public ClientSpec(Optional<String> clientId, Optional<String> name, Optional<String> description,
            Optional<String> kind, Optional<String> owner, Optional<List<String>> grantTypes,
            Optional<List<String>> scopes, Optional<Boolean> legacyApis, Optional<Integer> accessTokenTtl,
            Optional<Integer> refreshTokenTtl, Optional<List<String>> redirectUris,
            Optional<String> tokenEndpointAuthMethod, Optional<Boolean> enabled) {
        this(clientId, name, description, kind, owner, grantTypes, scopes, legacyApis, accessTokenTtl,
                refreshTokenTtl, redirectUris, tokenEndpointAuthMethod, enabled, Optional.empty());
    }
}
