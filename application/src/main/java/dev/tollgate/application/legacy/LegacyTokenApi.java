package dev.tollgate.application.legacy;

import dev.tollgate.application.abuse.RequestRates;
import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.deprecation.Deprecations;
import dev.tollgate.application.deprecation.LegacyUsageRecorder;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.Transactions;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.RefreshTokens;
import dev.tollgate.application.user.UserAuthenticator;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.deprecation.LegacyUsage;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.token.RefreshToken;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The deprecated NewStore Token API v0 (seeds 000/001): a password login and a refresh, for the tenant's built-in
 * legacy client. Every call is first put to the deprecation policy (refused during a brownout or after the sunset),
 * then counted for the migration report, then served.
 */
@Singleton
public class LegacyTokenApi {

    private final Deprecations deprecations;
    private final LegacyUsageRecorder usage;
    private final UserAuthenticator authenticator;
    private final UserRepository users;
    private final ClientRepository clients;
    private final RefreshTokens refreshTokens;
    private final AccessTokenFactory accessTokens;
    private final Transactions transactions;
    private final RequestRates rates;

    @Inject
    public LegacyTokenApi(Deprecations deprecations, LegacyUsageRecorder usage, UserAuthenticator authenticator,
            UserRepository users, ClientRepository clients, RefreshTokens refreshTokens,
            AccessTokenFactory accessTokens, Transactions transactions, RequestRates rates) {
        this.rates = rates;
        this.deprecations = deprecations;
        this.usage = usage;
        this.authenticator = authenticator;
        this.users = users;
        this.clients = clients;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.transactions = transactions;
    }

    /** {@code POST /v0/token}: {@code request} is the parsed body, or why it could not be read. */
    public LegacyAnswer token(Outcome<Tenant> tenant, Outcome<PasswordLogin> request, SourceAddress source) {
        return serve(tenant, LegacySurface.V0_TOKEN, request, source,
                (t, login) -> authenticator.identify(t, login.username()).map(User::id),
                (t, client, login) -> login(t, client, login, source));
    }

    /** {@code POST /v0/refresh_token}: {@code request} is the presented refresh token, or why it is missing. */
    public LegacyAnswer refresh(Outcome<Tenant> tenant, Outcome<String> request, SourceAddress source) {
        return serve(tenant, LegacySurface.V0_REFRESH, request, source,
                (t, presented) -> refreshTokens.lookup(t, presented).map(RefreshToken::userId),
                this::refresh);
    }

    private interface Attribution<R> {
        Optional<UUID> user(Tenant tenant, R request);
    }

    private interface Work<R> {
        Served serve(Tenant tenant, Client client, R request);
    }

    /** A served request: the outcome, and the user it was for when one was identified. */
    private record Served(Outcome<IssuedToken> outcome, Optional<UUID> userId) {
    }

    private <R> LegacyAnswer serve(Outcome<Tenant> resolved, LegacySurface surface, Outcome<R> request,
            SourceAddress source, Attribution<R> attribution, Work<R> work) {
        Optional<Tenant> tenant = resolved instanceof Outcome.Success<Tenant> found
                ? Optional.of(found.value())
                : Optional.empty();
        Optional<DeprecationDecision> decision = deprecations.decide(tenant, surface);
        if (decision.isPresent() && decision.get() instanceof DeprecationDecision.Refuse refusal) {
            tenant.ifPresent(t -> usage.record(caller(t, surface, request instanceof Outcome.Success<R> ok
                    ? attribution.user(t, ok.value())
                    : Optional.empty()), true));
            return new LegacyAnswer.Gone(refusal);
        }
        Optional<DeprecationDecision.Notice> notice = decision
                .flatMap(DeprecationDecision::responseNotice);
        if (tenant.isEmpty()) {
            return new LegacyAnswer.Failed(((Outcome.Failure<Tenant>) resolved).error(), notice);
        }
        Tenant t = tenant.get();
        // v0 has one built-in client per tenant: only the source address is limited
        Optional<Duration> wait = rates.admit(t, source, Optional.empty());
        if (wait.isPresent()) {
            return new LegacyAnswer.Failed(OAuthError.tooManyRequests(wait.get()), notice);
        }
        if (request instanceof Outcome.Failure<R> malformed) {
            usage.record(caller(t, surface, Optional.empty()), false);
            return new LegacyAnswer.Failed(malformed.error(), notice);
        }
        R parsed = ((Outcome.Success<R>) request).value();
        Optional<Client> client = clients.find(t.id(), LegacyV0Client.CLIENT_ID)
                .map(ClientRegistration::client)
                .filter(Client::enabled);
        if (client.isEmpty()) {
            // v0 turned off for this tenant by disabling its built-in client
            usage.record(caller(t, surface, Optional.empty()), false);
            return new LegacyAnswer.Failed(OAuthError.invalidClient(), notice);
        }
        Served served = work.serve(t, client.get(), parsed);
        usage.record(caller(t, surface, served.userId()), false);
        return switch (served.outcome()) {
            case Outcome.Success<IssuedToken> issued -> new LegacyAnswer.Issued(issued.value(), notice);
            case Outcome.Failure<IssuedToken> failed -> new LegacyAnswer.Failed(failed.error(), notice);
        };
    }

    private Served login(Tenant tenant, Client client, PasswordLogin login, SourceAddress source) {
        Outcome<User> checked = authenticator.authenticate(tenant, login.username(), login.password(), source)
                .toOutcome("Authentication failed");
        if (checked instanceof Outcome.Failure<User> failure) {
            return new Served(Outcome.failure(failure.error()), Optional.empty());
        }
        Optional<User> user = Optional.of(((Outcome.Success<User>) checked).value());
        Scope scope = client.scopes().allowed();
        // one transaction: a refresh token is stored only if its access token could be signed too
        IssuedToken issued = transactions.inTransaction(() -> {
            RefreshTokens.Issued refresh = refreshTokens.issue(tenant, client.clientId(), user.get().id(), scope,
                    client.lifetimesOr(tenant.defaultLifetimes()).refreshToken());
            return mint(tenant, client, user.get(), scope, refresh.value());
        });
        return new Served(Outcome.success(issued), Optional.of(user.get().id()));
    }

    private Served refresh(Tenant tenant, Client client, String presented) {
        Outcome<RefreshToken> redeemable = refreshTokens.redeemable(tenant, presented);
        if (redeemable instanceof Outcome.Failure<RefreshToken> failure) {
            return new Served(Outcome.failure(failure.error()), Optional.empty());
        }
        RefreshToken token = ((Outcome.Success<RefreshToken>) redeemable).value();
        Optional<User> user = users.find(tenant.id(), token.userId()).filter(User::enabled);
        if (!token.clientId().equals(client.clientId()) || user.isEmpty()) {
            // a token of another client, or a user deleted or disabled since: no new access for it
            return new Served(Outcome.failure(OAuthError.invalidGrant("Authentication failed")),
                    Optional.of(token.userId()));
        }
        // one transaction: a rotation stands only if the new access token could be signed too
        Outcome<IssuedToken> outcome = transactions.inTransaction(() -> refreshTokens
                .renew(token, presented, tenant.legacyTokens().rotateRefreshTokens())
                .map(refresh -> mint(tenant, client, user.get(), token.scope(), refresh)));
        return new Served(outcome, Optional.of(token.userId()));
    }

    private IssuedToken mint(Tenant tenant, Client client, User user, Scope scope, String refreshToken) {
        // the claims of the seed's sample token: the tenant and the user's roles under namespaced names
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(tenant.legacyTokens().tenantClaim(), tenant.slug().value());
        extra.put(tenant.legacyTokens().rolesClaim(), user.roles());
        extra.put("azp", client.clientId());
        extra.put(AccessTokenClaims.GRANT_TYPE_CLAIM, "password");
        IssuedToken access = accessTokens.mint(tenant, client, user.id().toString(), scope, extra);
        return new IssuedToken(access.accessToken(), access.expiresAt(), access.expiresIn(), access.scope(),
                Optional.of(refreshToken));
    }

    private static LegacyUsage.Caller caller(Tenant tenant, LegacySurface surface, Optional<UUID> userId) {
        return new LegacyUsage.Caller(tenant.id(), surface, LegacyV0Client.CLIENT_ID, userId);
    }
}
