package dev.tollgate.application.grant;

import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.port.AssertionReplayStore;
import dev.tollgate.application.port.AssertionVerifier;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.SecretSealer;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.IdTokens;
import dev.tollgate.application.token.TokenRequest;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientJwks;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.grant.JwtBearerGrant;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.View;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.application.user.StoredUser;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 7523 §2.1 JWT bearer grant, as seed 003 §3 uses it: a client signs a JWT naming a user by email ({@code sub})
 * and itself ({@code iss}), and gets an access token and an ID token for that user. The assertion is the client's
 * proof, so the request may come without client authentication; a client that does authenticate must be the
 * assertion's issuer.
 *
 * <p>HS256 assertions are signed with the client secret (the seed), RS256/ES256 with a key the client registered;
 * a client with registered keys must use them. Every rule of RFC 7523 §3 and RFC 8725 that fails is
 * {@code invalid_grant} (a missing assertion is {@code invalid_request}, a client not allowed the grant
 * {@code unauthorized_client}); no refresh token (§3.1 of RFC 7523 leaves it out: the client can sign again).
 */
@Singleton
public class JwtBearerGrantHandler implements SelfAuthenticatingGrantHandler {

    /** The {@code gty} claim: how the token was obtained, as LegacyTokenApi marks its password tokens. */
    static final String GRANT_TYPE_CLAIM_VALUE = "jwt-bearer";
    static final String VIEW_CLAIM = "view";
    /** Longer ids are not ids: refused rather than stored. */
    static final int MAX_JTI_LENGTH = 200;

    private final ClientRepository clients;
    private final UserRepository users;
    private final AssertionVerifier verifier;
    private final SecretSealer sealer;
    private final AssertionReplayStore replays;
    private final AccessTokenFactory accessTokens;
    private final IdTokens idTokens;
    private final Transactions transactions;
    private final ServiceSettings service;
    private final JwtBearerSettings settings;
    private final Clock clock;

    @Inject
    public JwtBearerGrantHandler(ClientRepository clients, UserRepository users, AssertionVerifier verifier,
            SecretSealer sealer, AssertionReplayStore replays, AccessTokenFactory accessTokens, IdTokens idTokens,
            Transactions transactions, ServiceSettings service, JwtBearerSettings settings, Clock clock) {
        this.clients = clients;
        this.users = users;
        this.verifier = verifier;
        this.sealer = sealer;
        this.replays = replays;
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
        this.transactions = transactions;
        this.service = service;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public GrantType grantType() {
        return GrantType.JWT_BEARER;
    }

    /** No client authentication: the assertion's {@code iss} names the client, its signature proves it. */
    @Override
    public Outcome<IssuedToken> handleUnauthenticated(TokenRequest request) {
        Tenant tenant = request.tenant();
        return parse(request.parameters()).then(grant -> verifier.read(grant.assertion()).then(assertion -> {
            if (assertion.issuer().isEmpty()) {
                return invalidGrant("The assertion has no iss claim naming the client");
            }
            Optional<ClientRegistration> registration = clients.find(tenant.id(), assertion.issuer().get())
                    .filter(r -> r.client().enabled() && !LegacyV0Client.is(r.client()));
            if (registration.isEmpty()) {
                return invalidGrant("The assertion's issuer is not a client of this tenant");
            }
            Client client = registration.get().client();
            if (!client.allows(GrantType.JWT_BEARER)) {
                return Outcome.failure(OAuthError.unauthorizedClient(
                        "The client is not allowed the grant type " + GrantType.JWT_BEARER.value()));
            }
            return decide(tenant, registration.get(), grant, assertion, request.endpoint());
        }));
    }

    /** The client authenticated (and TokenService checked it may use this grant): it must be the issuer. */
    @Override
    public Outcome<IssuedToken> handle(GrantRequest request) {
        Client client = request.client();
        return parse(request.parameters()).then(grant -> verifier.read(grant.assertion()).then(assertion -> {
            if (!assertion.issuer().equals(Optional.of(client.clientId()))) {
                return invalidGrant("The assertion's issuer is not the authenticated client");
            }
            // the secrets are not part of the Client value: load them with it
            Optional<ClientRegistration> registration = clients.find(request.tenant().id(), client.clientId());
            if (registration.isEmpty()) {
                return invalidGrant("The assertion's issuer is not a client of this tenant");
            }
            return decide(request.tenant(), registration.get(), grant, assertion, request.endpoint());
        }));
    }

    private static Outcome<JwtBearerGrant> parse(Map<String, String> parameters) {
        String assertion = parameters.get("assertion");
        if (assertion == null) {
            return Outcome.failure(OAuthError.invalidRequest("Missing parameter: assertion"));
        }
        String scope = parameters.get("scope");
        if (scope == null) {
            return Outcome.success(new JwtBearerGrant(assertion, Optional.empty()));
        }
        return Scope.parse(scope)
                .<Outcome<JwtBearerGrant>>map(s -> Outcome.success(new JwtBearerGrant(assertion, Optional.of(s))))
                .orElseGet(() -> Outcome.failure(OAuthError.invalidScope("The scope parameter is malformed")));
    }

    private Outcome<IssuedToken> decide(Tenant tenant, ClientRegistration registration, JwtBearerGrant grant,
            JwtAssertion assertion, URI endpoint) {
        Client client = registration.client();
        Instant now = clock.instant();
        // the signature first: nothing else in the assertion is worth reading until it is proven to be the client's
        Outcome<AssertionKeys> keys = keys(tenant, registration, assertion, now);
        if (keys instanceof Outcome.Failure<AssertionKeys> failure) {
            return Outcome.failure(failure.error());
        }
        if (!verifier.verify(assertion, ((Outcome.Success<AssertionKeys>) keys).value())) {
            return invalidGrant("The assertion's signature is not valid");
        }
        Optional<OAuthError> refused = timing(assertion, now).or(() -> audience(tenant, assertion, endpoint));
        if (refused.isPresent()) {
            return Outcome.failure(refused.get());
        }
        if (assertion.jwtId().filter(jti -> jti.isEmpty() || jti.length() > MAX_JTI_LENGTH).isPresent()) {
            return invalidGrant("The assertion's jti is empty or too long");
        }
        return user(tenant, client, assertion)
                .then(user -> view(tenant, user, assertion)
                        .then(view -> client.grantableScope(grant.requestedScope())
                                .then(scope -> issue(tenant, client, user, view, scope, assertion, now))));
    }

    /**
     * The keys the assertion must be signed with. A client with registered public keys signs with them, so an
     * HS256 assertion from it is refused (RFC 8725 §2.1: the algorithm follows the key, never the header); a client
     * without them signs with its secret.
     */
    private Outcome<AssertionKeys> keys(Tenant tenant, ClientRegistration registration, JwtAssertion assertion,
            Instant now) {
        Client client = registration.client();
        Optional<ClientJwks> jwks = client.jwks();
        if (jwks.isPresent()) {
            return assertion.algorithm().asymmetric()
                    ? Outcome.success(new AssertionKeys.PublicKeys(jwks.get()))
                    : invalidGrant("The client has registered public keys: the assertion must be signed with one");
        }
        if (assertion.algorithm().asymmetric()) {
            return invalidGrant("The client has no registered public keys: " + assertion.algorithm()
                    + " is not possible");
        }
        List<String> secrets = new ArrayList<>();
        for (StoredSecret stored : registration.secrets()) {
            // every secret still within its rotation grace period may have signed
            if (stored.validAt(now) && stored.sealed().isPresent()) {
                sealer.open(tenant.id(), client.clientId(), stored.sealed().get()).ifPresent(secrets::add);
            }
        }
        if (secrets.isEmpty()) {
            // e.g. the grant was added to an existing client: only the secret's digest exists until it is rotated
            return invalidGrant("No client secret is available to verify HS256 assertions; rotate the client secret");
        }
        return Outcome.success(new AssertionKeys.SharedSecrets(secrets));
    }

    /** RFC 7523 §3 items 4, 5 and 6 with RFC 7519's leeway: iat required and recent, exp and nbf when present. */
    private Optional<OAuthError> timing(JwtAssertion assertion, Instant now) {
        Duration skew = settings.clockSkew();
        if (assertion.issuedAt().isEmpty()) {
            return Optional.of(OAuthError.invalidGrant("The assertion has no iat claim"));
        }
        Instant issuedAt = assertion.issuedAt().get();
        if (issuedAt.isAfter(now.plus(skew))) {
            return Optional.of(OAuthError.invalidGrant("The assertion is issued in the future"));
        }
        if (issuedAt.isBefore(now.minus(settings.maxAge()).minus(skew))) {
            return Optional.of(OAuthError.invalidGrant("The assertion is too old (iat)"));
        }
        if (assertion.expiresAt().filter(exp -> !now.isBefore(exp.plus(skew))).isPresent()) {
            return Optional.of(OAuthError.invalidGrant("The assertion has expired"));
        }
        if (assertion.notBefore().filter(nbf -> now.plus(skew).isBefore(nbf)).isPresent()) {
            return Optional.of(OAuthError.invalidGrant("The assertion is not valid yet (nbf)"));
        }
        return Optional.empty();
    }

    /**
     * RFC 7523 §3 item 3: when the seed's assertions carry no {@code aud} they are accepted; when one is present it
     * must name this server: the tenant's issuer or a token endpoint URL of the tenant.
     */
    private Optional<OAuthError> audience(Tenant tenant, JwtAssertion assertion, URI endpoint) {
        if (assertion.audience().isEmpty()) {
            return Optional.empty();
        }
        String issuer = tenant.issuer(service.publicUrl()).toString();
        Set<String> accepted = new java.util.HashSet<>(Set.of(issuer, issuer + "/protocol/openid-connect/token"));
        if (!endpoint.equals(TokenRequest.UNKNOWN_ENDPOINT)) {
            accepted.add(endpoint.toString());
        }
        return assertion.audience().get().stream().anyMatch(accepted::contains)
                ? Optional.empty()
                : Optional.of(OAuthError.invalidGrant("The assertion's aud does not name this authorization server"));
    }

    /** RFC 7523 §3 item 2: the subject is an enabled user; a user-scoped client acts only for its owner. */
    private Outcome<User> user(Tenant tenant, Client client, JwtAssertion assertion) {
        Optional<User> user = assertion.subject()
                .flatMap(email -> users.findByEmail(tenant.id(), email).map(StoredUser::user))
                .filter(User::enabled);
        if (user.isEmpty()) {
            return invalidGrant("The assertion's subject is not a user of this tenant");
        }
        if (client.kind() instanceof ClientKind.UserScoped owned && !owned.ownerUserId().equals(user.get().id().toString())) {
            return invalidGrant("A user-scoped client acts only for its owner");
        }
        return Outcome.success(user.get());
    }

    /** Seed 003: no view claim means the user's view, an empty one the tenant's default, else the one named. */
    private static Outcome<Optional<View>> view(Tenant tenant, User user, JwtAssertion assertion) {
        if (assertion.view().isEmpty()) {
            return Outcome.success(user.view().or(tenant::defaultView));
        }
        String requested = assertion.view().get();
        if (requested.isEmpty()) {
            return Outcome.success(tenant.defaultView());
        }
        return View.parse(requested)
                .<Outcome<Optional<View>>>map(v -> Outcome.success(Optional.of(v)))
                .orElseGet(() -> invalidGrant("The assertion's view is not a valid view id"));
    }

    private Outcome<IssuedToken> issue(Tenant tenant, Client client, User user, Optional<View> view, Scope scope,
            JwtAssertion assertion, Instant now) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("azp", client.clientId());
        extra.put(AccessTokenClaims.GRANT_TYPE_CLAIM, GRANT_TYPE_CLAIM_VALUE);
        view.ifPresent(v -> extra.put(VIEW_CLAIM, v.id()));
        // one transaction: the assertion's id is spent only if its tokens could be signed too
        return transactions.inTransaction(() -> {
            if (assertion.jwtId().isPresent() && !replays.firstUse(tenant.id(), client.clientId(),
                    assertion.jwtId().get(), acceptableUntil(assertion), now)) {
                return invalidGrant("The assertion was used before (jti)");
            }
            IssuedToken access = accessTokens.mint(tenant, client, user.id().toString(), scope, extra);
            return Outcome.success(idTokens.accompany(access, tenant, client, user, view));
        });
    }

    /** The last instant this assertion passes {@link #timing}: its id must be remembered until then. */
    private Instant acceptableUntil(JwtAssertion assertion) {
        Instant byAge = assertion.issuedAt().orElseThrow().plus(settings.maxAge()).plus(settings.clockSkew());
        return assertion.expiresAt().map(exp -> exp.plus(settings.clockSkew()))
                .filter(byExp -> byExp.isBefore(byAge))
                .orElse(byAge);
    }

    private static <T> Outcome<T> invalidGrant(String description) {
        return Outcome.failure(OAuthError.invalidGrant(description));
    }
}
