package dev.tollgate.application.admin;

import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.token.TokenLifetimes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns a {@link ClientSpec} into a valid {@link Client}, naming the first field that is wrong. */
final class ClientRules {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    /** private_key_jwt is a registrable method in the model, but not served yet: refused until it is. */
    private static final Set<TokenEndpointAuthMethod> SERVED_METHODS = Set.of(
            TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, TokenEndpointAuthMethod.CLIENT_SECRET_POST,
            TokenEndpointAuthMethod.NONE);

    private ClientRules() {
    }

    static AdminResult<Client> create(UUID tenantId, ClientSpec spec, Set<GrantType> servedGrants) {
        String clientId = spec.clientId().orElseGet(() -> UUID.randomUUID().toString());
        if (!CLIENT_ID.matcher(clientId).matches()) {
            return AdminResult.invalid("client_id", "1 to 100 letters, digits or . _ : -");
        }
        if (spec.name().isEmpty()) {
            return AdminResult.invalid("name", "required");
        }
        Client defaults = new Client(tenantId, clientId, spec.name().get(), "", ClientKind.tenantScoped(),
                Set.of(GrantType.CLIENT_CREDENTIALS), ClientScopes.scoped(Scope.EMPTY), Optional.empty(), List.of(),
                TokenEndpointAuthMethod.CLIENT_SECRET_BASIC, true);
        return apply(defaults, spec, servedGrants);
    }

    /**
     * The built-in v0 client: its name, description, scopes (what v0 tokens carry in {@code scope}), lifetimes and
     * whether it is enabled may change; what makes it the v0 client (grants, kind, authentication) may not.
     */
    static AdminResult<Client> applyToBuiltIn(Client current, ClientSpec spec) {
        List<String> fixed = new ArrayList<>();
        spec.kind().ifPresent(v -> fixed.add("kind"));
        spec.owner().ifPresent(v -> fixed.add("owner"));
        spec.grantTypes().ifPresent(v -> fixed.add("grant_types"));
        spec.redirectUris().ifPresent(v -> fixed.add("redirect_uris"));
        spec.tokenEndpointAuthMethod().ifPresent(v -> fixed.add("token_endpoint_auth_method"));
        spec.jwks().ifPresent(v -> fixed.add("jwks"));
        if (!fixed.isEmpty()) {
            return AdminResult.invalid(fixed.get(0), "fixed for the built-in v0 client");
        }
        return apply(current, spec, current.grantTypes());
    }

    /** Applies the present fields of {@code spec} to {@code current}; client_id cannot change. */
    static AdminResult<Client> apply(Client current, ClientSpec spec, Set<GrantType> servedGrants) {
        if (spec.clientId().isPresent() && !spec.clientId().get().equals(current.clientId())) {
            return AdminResult.invalid("client_id", "cannot be changed");
        }
        String name = spec.name().orElse(current.name()).strip();
        if (name.isEmpty() || name.length() > 200 || !FreeText.line(name)) {
            return AdminResult.invalid("name", "1 to 200 characters, no control characters");
        }
        String description = spec.description().orElse(current.description());
        if (description.length() > 2000 || !FreeText.lines(description)) {
            return AdminResult.invalid("description", "at most 2000 characters, no control characters but line breaks");
        }
        AdminResult<ClientKind> kind = kind(current, spec);
        if (kind instanceof AdminResult.Refused<ClientKind> refused) {
            return AdminResult.refused(refused.error());
        }
        Set<GrantType> grants = new LinkedHashSet<>();
        for (String name1 : spec.grantTypes().orElse(current.grantTypes().stream().map(GrantType::value).toList())) {
            GrantType grant = new GrantType(name1.isBlank() ? "?" : name1);
            if (!servedGrants.contains(grant)) {
                return AdminResult.invalid("grant_types", "unsupported grant type: " + name1);
            }
            grants.add(grant);
        }
        if (grants.isEmpty()) {
            return AdminResult.invalid("grant_types", "at least one grant type");
        }
        AdminResult<ClientScopes> scopes = scopes(current, spec);
        if (scopes instanceof AdminResult.Refused<ClientScopes> refused) {
            return AdminResult.refused(refused.error());
        }
        AdminResult<Optional<TokenLifetimes>> lifetimes = lifetimes(current, spec);
        if (lifetimes instanceof AdminResult.Refused<Optional<TokenLifetimes>> refused) {
            return AdminResult.refused(refused.error());
        }
        List<URI> redirects = new ArrayList<>();
        for (String uri : spec.redirectUris().orElse(current.redirectUris().stream().map(URI::toString).toList())) {
            Optional<URI> parsed = redirectUri(uri);
            if (parsed.isEmpty()) {
                return AdminResult.invalid("redirect_uris",
                        "absolute https URI without fragment (http only for loopback): " + uri);
            }
            redirects.add(parsed.get());
        }
        TokenEndpointAuthMethod method = current.authMethod();
        if (spec.tokenEndpointAuthMethod().isPresent()) {
            Optional<TokenEndpointAuthMethod> parsed = TokenEndpointAuthMethod.parse(spec.tokenEndpointAuthMethod().get())
                    .filter(SERVED_METHODS::contains);
            if (parsed.isEmpty()) {
                return AdminResult.invalid("token_endpoint_auth_method",
                        "one of client_secret_basic, client_secret_post, none");
            }
            method = parsed.get();
        }
        return AdminResult.done(new Client(current.tenantId(), current.clientId(), name, description,
                ((AdminResult.Done<ClientKind>) kind).value(), grants,
                ((AdminResult.Done<ClientScopes>) scopes).value(),
                ((AdminResult.Done<Optional<TokenLifetimes>>) lifetimes).value(), redirects, method,
                spec.enabled().orElse(current.enabled()), current.jwks()));
    }

    private static AdminResult<ClientKind> kind(Client current, ClientSpec spec) {
        String kind = spec.kind().orElse(current.kind().wireName());
        Optional<String> owner = spec.owner().or(() -> current.kind() instanceof ClientKind.UserScoped u
                ? Optional.of(u.ownerUserId()) : Optional.empty());
        return switch (kind) {
            case "tenant" -> spec.owner().isPresent()
                    ? AdminResult.invalid("owner", "only user-scoped clients have an owner")
                    : AdminResult.done(ClientKind.tenantScoped());
            case "user" -> owner.filter(o -> !o.isBlank() && o.length() <= 100)
                    .<AdminResult<ClientKind>>map(o -> AdminResult.done(new ClientKind.UserScoped(o)))
                    .orElseGet(() -> AdminResult.invalid("owner", "a user-scoped client needs its owner's user id"));
            default -> AdminResult.invalid("kind", "tenant or user");
        };
    }

    private static AdminResult<ClientScopes> scopes(Client current, ClientSpec spec) {
        boolean legacy = spec.legacyApis().orElse(current.scopes() instanceof ClientScopes.LegacyApis);
        List<String> scopes = spec.scopes().orElse(
                spec.legacyApis().orElse(false) ? List.of() : List.copyOf(current.scopes().allowed().tokens()));
        if (legacy) {
            return scopes.isEmpty()
                    ? AdminResult.done(ClientScopes.legacyApis())
                    : AdminResult.invalid("scopes", "must be empty when legacy_apis is true");
        }
        for (String scope : scopes) {
            if (!Scope.isValidToken(scope)) {
                return AdminResult.invalid("scopes", "not a valid scope token: " + scope);
            }
        }
        return AdminResult.done(ClientScopes.scoped(Scope.of(scopes)));
    }

    private static AdminResult<Optional<TokenLifetimes>> lifetimes(Client current, ClientSpec spec) {
        Optional<Integer> access = spec.accessTokenTtl().or(() -> current.lifetimes().map(l -> (int) l.accessToken().toSeconds()));
        Optional<Integer> refresh = spec.refreshTokenTtl().or(() -> current.lifetimes().map(l -> (int) l.refreshToken().toSeconds()));
        if (access.isEmpty()) {
            return refresh.isPresent()
                    ? AdminResult.invalid("access_token_ttl", "required with refresh_token_ttl")
                    : AdminResult.done(Optional.empty());
        }
        if (access.get() < 60 || access.get() > 86_400) {
            return AdminResult.invalid("access_token_ttl", "between 60 and 86400 seconds");
        }
        if (refresh.orElse(0) < 0) {
            return AdminResult.invalid("refresh_token_ttl", "0 or more seconds");
        }
        return AdminResult.done(Optional.of(TokenLifetimes.ofSeconds(access.get(), refresh.orElse(0))));
    }

    /** RFC 6749 §3.1.2 and RFC 9700: absolute, no fragment, https unless loopback; compared exactly later. */
    static Optional<URI> redirectUri(String value) {
        try {
            URI uri = new URI(value);
            boolean loopback = uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(java.util.Locale.ROOT));
            boolean schemeOk = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback);
            return uri.isAbsolute() && uri.getHost() != null && uri.getFragment() == null && schemeOk
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
