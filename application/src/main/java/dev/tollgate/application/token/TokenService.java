package dev.tollgate.application.token;

import dev.tollgate.application.abuse.RequestRates;
import dev.tollgate.application.client.ClientAuthenticator;
import dev.tollgate.application.client.ClientCredentials;
import dev.tollgate.application.grant.PublishableTokenGrantHandler;
import dev.tollgate.application.grant.SelfAuthenticatingGrantHandler;
import dev.tollgate.application.grant.GrantHandler;
import dev.tollgate.application.grant.GrantHandlers;
import dev.tollgate.application.grant.GrantRequest;
import dev.tollgate.application.deprecation.Deprecations;
import dev.tollgate.application.deprecation.LegacyUsageRecorder;
import dev.tollgate.application.user.UserAuthenticator;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.deprecation.DeprecationDecision;
import dev.tollgate.domain.deprecation.LegacySurface;
import dev.tollgate.domain.deprecation.LegacyUsage;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.user.User;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.token.IssuedToken;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The token endpoint's use case, shared by every dialect: authenticate the client, find the handler of the
 * {@code grant_type}, check the client may use it, and let the handler decide.
 */
@Singleton
public class TokenService {

    private final ClientAuthenticator authenticator;
    private final GrantHandlers handlers;
    private final Deprecations deprecations;
    private final LegacyUsageRecorder usage;
    private final UserAuthenticator users;
    private final RequestRates rates;

    @Inject
    public TokenService(ClientAuthenticator authenticator, GrantHandlers handlers, Deprecations deprecations,
            LegacyUsageRecorder usage, UserAuthenticator users, RequestRates rates) {
        this.authenticator = authenticator;
        this.handlers = handlers;
        this.deprecations = deprecations;
        this.usage = usage;
        this.users = users;
        this.rates = rates;
    }

    /**
     * A token request, with the deprecation policy applied first when its grant type is a legacy surface: refused
     * during a brownout or after the sunset, otherwise served with the notice; every call is counted for the
     * migration report. Before all that, the request must be within the rate limits of its source and client.
     */
    public TokenAnswer answer(TokenRequest request) {
        Optional<Duration> wait = rates.admit(request.tenant(), request.source(), rateLimitedClientId(request));
        if (wait.isPresent()) {
            return new TokenAnswer(Outcome.failure(OAuthError.tooManyRequests(wait.get())), Optional.empty());
        }
        Optional<LegacySurface> surface = Optional.ofNullable(request.parameters().get("grant_type"))
                .filter(name -> !name.isBlank())
                .filter(name -> servedHandler(request, new GrantType(name)).isPresent())
                .flatMap(LegacySurface::ofGrantType);
        if (surface.isEmpty()) {
            return new TokenAnswer(requestToken(request), Optional.empty());
        }
        Optional<DeprecationDecision> decision = deprecations.decide(Optional.of(request.tenant()), surface.get());
        Optional<DeprecationDecision.Notice> notice = decision
                .flatMap(DeprecationDecision::responseNotice);
        LegacyUsage.Caller caller = new LegacyUsage.Caller(request.tenant().id(), surface.get(),
                attributedClientId(request),
                Optional.ofNullable(request.parameters().get("username"))
                        .filter(login -> surface.get() == LegacySurface.PASSWORD_GRANT)
                        .flatMap(login -> users.identify(request.tenant(), login))
                        .map(User::id));
        if (decision.isPresent() && decision.get() instanceof DeprecationDecision.Refuse refusal) {
            usage.record(caller, true);
            return new TokenAnswer(Outcome.failure(OAuthError.of(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
                    refusal.message())), notice);
        }
        usage.record(caller, false);
        return new TokenAnswer(requestToken(request), notice);
    }

    /**
     * The client a legacy call is counted for: the one it names, if the tenant has it. Made-up client_ids (free to
     * send for the implicit token, which needs no secret) all count as one unknown caller, so the report and its
     * buffer grow with the registered clients, not with what callers invent.
     */
    private String attributedClientId(TokenRequest request) {
        String claimed = claimedClientId(request.credentials());
        return !claimed.isEmpty() && authenticator.isRegistered(request.tenant(), claimed) ? claimed : "";
    }

    /** The registered client a request names, when clients have a rate limit (a made-up one only meets the source's). */
    private Optional<String> rateLimitedClientId(TokenRequest request) {
        if (!rates.limitsClients()) {
            return Optional.empty();
        }
        String claimed = claimedClientId(request.credentials());
        return claimed.isEmpty() || !authenticator.isRegistered(request.tenant(), claimed)
                ? Optional.empty()
                : Optional.of(claimed);
    }

    private static String claimedClientId(ClientCredentials credentials) {
        return switch (credentials) {
            case ClientCredentials.SecretBasic basic -> basic.clientId();
            case ClientCredentials.SecretPost post -> post.clientId();
            case ClientCredentials.ClientIdOnly id -> id.clientId();
            case ClientCredentials.Absent absent -> "";
        };
    }

    public Outcome<IssuedToken> requestToken(TokenRequest request) {
        String grantTypeName = request.parameters().get("grant_type");
        if (grantTypeName == null || grantTypeName.isBlank()) {
            return Outcome.failure(OAuthError.invalidRequest("Missing parameter: grant_type"));
        }
        GrantType grantType = new GrantType(grantTypeName);
        Optional<GrantHandler> handler = servedHandler(request, grantType);
        if (request.credentials() instanceof ClientCredentials.Absent
                && handler.orElse(null) instanceof SelfAuthenticatingGrantHandler selfAuthenticating) {
            return selfAuthenticating.handleUnauthenticated(request);
        }
        if (handler.orElse(null) instanceof PublishableTokenGrantHandler) {
            return switch (request.credentials()) {
                case ClientCredentials.ClientIdOnly named -> authenticator.identify(request.tenant(), named.clientId())
                        .then(client -> dispatch(request, client, grantType, handler));
                case ClientCredentials.Absent absent ->
                        Outcome.failure(OAuthError.invalidRequest("Missing parameter: client_id"));
                case ClientCredentials.SecretBasic basic ->
                        authenticator.authenticate(request.tenant(), basic, request.source())
                                .then(client -> dispatch(request, client, grantType, handler));
                case ClientCredentials.SecretPost post ->
                        authenticator.authenticate(request.tenant(), post, request.source())
                                .then(client -> dispatch(request, client, grantType, handler));
            };
        }
        return authenticator.authenticate(request.tenant(), request.credentials(), request.source())
                .then(client -> dispatch(request, client, grantType, handler));
    }

    /** The handler of {@code grantType}, where the endpoint the request came to serves it. */
    private Optional<GrantHandler> servedHandler(TokenRequest request, GrantType grantType) {
        return handlers.find(grantType).filter(request.rules()::serves);
    }

    private Outcome<IssuedToken> dispatch(TokenRequest request, Client client, GrantType grantType,
            Optional<GrantHandler> handler) {
        if (handler.isEmpty()) {
            return Outcome.failure(OAuthError.unsupportedGrantType(grantType.value()));
        }
        if (LegacyV0Client.is(client)) {
            return Outcome.failure(OAuthError.unauthorizedClient("The built-in v0 client is served only at /v0"));
        }
        if (!client.allows(grantType)) {
            return Outcome.failure(OAuthError.unauthorizedClient(
                    "The client is not allowed the grant type " + grantType.value()));
        }
        return handler.get().handle(new GrantRequest(request.tenant(), client, request.parameters(), request.endpoint(),
                request.rules(), request.source()));
    }
}
