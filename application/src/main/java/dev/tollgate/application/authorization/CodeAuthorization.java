package dev.tollgate.application.authorization;

import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.UserRepository;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.application.user.PasswordCheck;
import dev.tollgate.application.user.UserAuthenticator;
import dev.tollgate.domain.authorization.CodeChallenge;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientKind;
import dev.tollgate.domain.client.LegacyV0Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.application.user.StoredUser;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The authorization endpoint's use case (RFC 6749 §4.1.1–4.1.2, RFC 7636, RFC 9207, seed 003 §1). It decides who a
 * code is for: a confidential tenant-scoped client may name the user with {@code email}, a confidential user-scoped
 * client gets codes for its owner, and anyone else's user signs in on the login page first.
 *
 * <p>Naming a user without their password is for confidential clients only: their codes are useless without the
 * client's secret. A public client naming any user would hand that user's tokens to whoever knows the client_id.
 */
@Singleton
public class CodeAuthorization {

    private final ClientRepository clients;
    private final UserRepository users;
    private final UserAuthenticator authenticator;
    private final AuthorizationCodes codes;
    private final ServiceSettings settings;

    @Inject
    public CodeAuthorization(ClientRepository clients, UserRepository users, UserAuthenticator authenticator,
            AuthorizationCodes codes, ServiceSettings settings) {
        this.clients = clients;
        this.users = users;
        this.authenticator = authenticator;
        this.codes = codes;
        this.settings = settings;
    }

    /** An authorization request as it arrives ({@code GET} or {@code POST} of the authorization endpoint). */
    public AuthorizationAnswer authorize(Tenant tenant, AuthorizationParameters parameters) {
        return switch (validate(tenant, parameters)) {
            case Checked.Answer answer -> answer.answer();
            case Checked.Valid valid -> forNamedUser(tenant, valid.request(), parameters.get("email"));
        };
    }

    /** The login page's form: the request again (hidden fields) with the user's credentials. */
    public AuthorizationAnswer signIn(Tenant tenant, AuthorizationParameters parameters, String login, String password,
            SourceAddress source) {
        return switch (validate(tenant, parameters)) {
            case Checked.Answer answer -> answer.answer();
            case Checked.Valid valid -> switch (authenticator.authenticate(tenant, login, password, source)) {
                case PasswordCheck.Rejected rejected -> new AuthorizationAnswer.SignIn(valid.request(), true);
                case PasswordCheck.Locked locked ->
                        new AuthorizationAnswer.SignIn(valid.request(), true, Optional.of(locked.retryAfter()));
                case PasswordCheck.Accepted accepted -> signedIn(tenant, valid.request(), accepted.user());
            };
        };
    }

    private AuthorizationAnswer signedIn(Tenant tenant, AuthorizationRequest request, User user) {
        if (request.client().kind() instanceof ClientKind.UserScoped owned
                && !owned.ownerUserId().equals(user.id().toString())) {
            return refuse(tenant, request, OAuthError.of(OAuthErrorCode.ACCESS_DENIED,
                    "This client acts only for its owner"));
        }
        return issue(tenant, request, user);
    }

    /** The user declined on the login page. */
    public AuthorizationAnswer cancel(Tenant tenant, AuthorizationParameters parameters) {
        return switch (validate(tenant, parameters)) {
            case Checked.Answer answer -> answer.answer();
            case Checked.Valid valid -> refuse(tenant, valid.request(),
                    OAuthError.of(OAuthErrorCode.ACCESS_DENIED, "The user declined the request"));
        };
    }

    private AuthorizationAnswer forNamedUser(Tenant tenant, AuthorizationRequest request, Optional<String> email) {
        Client client = request.client();
        if (email.isPresent()) {
            if (!(client.kind() instanceof ClientKind.TenantScoped) || !client.isConfidential()) {
                return refuse(tenant, request, OAuthError.invalidRequest(
                        "email is accepted only from confidential tenant-scoped clients"));
            }
            Optional<User> user = users.findByEmail(tenant.id(), email.get()).map(StoredUser::user)
                    .filter(User::enabled);
            return user.map(u -> issue(tenant, request, u)).orElseGet(() -> refuse(tenant, request,
                    OAuthError.of(OAuthErrorCode.ACCESS_DENIED, "No enabled user has this email")));
        }
        if (client.kind() instanceof ClientKind.UserScoped owned && client.isConfidential()) {
            Optional<User> owner = parseUuid(owned.ownerUserId()).flatMap(id -> users.find(tenant.id(), id))
                    .filter(User::enabled);
            return owner.map(u -> issue(tenant, request, u)).orElseGet(() -> refuse(tenant, request,
                    OAuthError.of(OAuthErrorCode.ACCESS_DENIED, "The owner of this client is disabled")));
        }
        return new AuthorizationAnswer.SignIn(request, false);
    }

    private AuthorizationAnswer issue(Tenant tenant, AuthorizationRequest request, User user) {
        String code = codes.issue(tenant, request, user);
        Map<String, String> response = new LinkedHashMap<>();
        response.put("code", code);
        response.put("state", request.state().orElse(null));
        response.put("iss", issuer(tenant));
        return new AuthorizationAnswer.Redirect(ClientRedirect.to(request.redirectUri(), response), Optional.empty());
    }

    private AuthorizationAnswer refuse(Tenant tenant, AuthorizationRequest request, OAuthError error) {
        return redirectError(tenant, request.redirectUri(), request.state(), error);
    }

    private AuthorizationAnswer redirectError(Tenant tenant, URI redirectUri, Optional<String> state, OAuthError error) {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("error", error.code().wireName());
        response.put("error_description", error.description());
        response.put("state", state.orElse(null));
        response.put("iss", issuer(tenant));
        return new AuthorizationAnswer.Redirect(ClientRedirect.to(redirectUri, response), Optional.of(error));
    }

    private String issuer(Tenant tenant) {
        return tenant.issuer(settings.publicUrl()).toString();
    }

    /** A request either valid, or already answered (error page or error redirect). */
    private sealed interface Checked {
        record Valid(AuthorizationRequest request) implements Checked {
        }

        record Answer(AuthorizationAnswer answer) implements Checked {
        }
    }

    private Checked validate(Tenant tenant, AuthorizationParameters parameters) {
        // 1. client and redirect URI: until both are trusted, errors are shown, never redirected (RFC 6749 §4.1.2.1)
        if (parameters.repeated().contains("client_id") || parameters.repeated().contains("redirect_uri")) {
            return page("client_id and redirect_uri must each be sent once");
        }
        Optional<String> clientId = parameters.get("client_id");
        if (clientId.isEmpty()) {
            return page("The request does not name a client (client_id is missing)");
        }
        Optional<Client> client = clientId.get().length() > 100 ? Optional.empty()
                : clients.find(tenant.id(), clientId.get()).map(ClientRegistration::client)
                        .filter(Client::enabled)
                        .filter(c -> !LegacyV0Client.is(c));
        if (client.isEmpty()) {
            return page("Unknown client");
        }
        Optional<String> redirect = parameters.get("redirect_uri");
        if (redirect.isEmpty()) {
            return page("The request does not name a redirect_uri");
        }
        // exact string comparison (RFC 9700 §4.1.3): no prefix, case or normalisation games
        Optional<URI> registered = client.get().redirectUris().stream()
                .filter(uri -> uri.toString().equals(redirect.get()))
                .findFirst();
        if (registered.isEmpty()) {
            return page("The redirect_uri is not registered for this client");
        }
        URI redirectUri = registered.get();
        Optional<String> state = parameters.get("state");

        // 2. everything else is the client's mistake and goes back to it
        Optional<OAuthError> error = requestError(client.get(), parameters);
        if (error.isPresent()) {
            return new Checked.Answer(redirectError(tenant, redirectUri, state, error.get()));
        }
        Outcome<Scope> scope = Scope.parse(parameters.get("scope").orElse(""))
                .<Outcome<Scope>>map(Outcome::success)
                .orElseGet(() -> Outcome.failure(OAuthError.invalidScope("The scope parameter is malformed")))
                .then(requested -> client.get().grantableScope(Optional.of(requested)));
        if (scope instanceof Outcome.Failure<Scope> failure) {
            return new Checked.Answer(redirectError(tenant, redirectUri, state, failure.error()));
        }
        Optional<CodeChallenge> challenge = parameters.get("code_challenge").flatMap(CodeChallenge::parse);
        return new Checked.Valid(new AuthorizationRequest(client.get(), redirectUri, state,
                ((Outcome.Success<Scope>) scope).value(), challenge));
    }

    private static Optional<OAuthError> requestError(Client client, AuthorizationParameters parameters) {
        if (!parameters.repeated().isEmpty()) {
            return Optional.of(OAuthError.invalidRequest(
                    "Parameter is repeated: " + parameters.repeated().stream().sorted().findFirst().orElseThrow()));
        }
        for (Map.Entry<String, String> parameter : parameters.values().entrySet()) {
            if (parameter.getValue().length() > AuthorizationParameters.MAX_VALUE_LENGTH) {
                return Optional.of(OAuthError.invalidRequest("Parameter is too long: " + parameter.getKey()));
            }
        }
        Optional<String> responseType = parameters.get("response_type");
        if (responseType.isEmpty()) {
            return Optional.of(OAuthError.invalidRequest("Missing parameter: response_type"));
        }
        if (!responseType.get().equals("code")) {
            return Optional.of(OAuthError.of(OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE,
                    "Only response_type=code is supported"));
        }
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            return Optional.of(OAuthError.unauthorizedClient("The client is not allowed the authorization code grant"));
        }
        Optional<String> challenge = parameters.get("code_challenge");
        Optional<String> method = parameters.get("code_challenge_method");
        if (method.isPresent() && !method.get().equals(CodeChallenge.S256)) {
            return Optional.of(OAuthError.invalidRequest("code_challenge_method must be S256"));
        }
        if (challenge.isPresent() && method.isEmpty()) {
            // RFC 7636 §4.3 would default to plain, which is not offered
            return Optional.of(OAuthError.invalidRequest("code_challenge_method must be S256"));
        }
        if (method.isPresent() && challenge.isEmpty()) {
            return Optional.of(OAuthError.invalidRequest("Missing parameter: code_challenge"));
        }
        if (challenge.isPresent() && CodeChallenge.parse(challenge.get()).isEmpty()) {
            return Optional.of(OAuthError.invalidRequest("code_challenge must be 43 base64url characters (S256)"));
        }
        if (challenge.isEmpty() && !client.isConfidential()) {
            return Optional.of(OAuthError.invalidRequest("A public client must use PKCE (code_challenge with S256)"));
        }
        return Optional.empty();
    }

    private static Checked page(String message) {
        return new Checked.Answer(new AuthorizationAnswer.ErrorPage(message));
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
