package dev.tollgate.application.moltin;

import dev.tollgate.application.abuse.RequestRates;
import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.token.AccessTokenDenyList;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.PresentedTokens;
import dev.tollgate.application.token.VerifiedAccessToken;
import dev.tollgate.application.user.UserAuthenticator;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.token.AccessTokenClaims;
import dev.tollgate.domain.token.IssuedToken;
import dev.tollgate.domain.user.User;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Moltin customer tokens (seed 004): a storefront holding an implicit (or a backend holding a client_credentials)
 * token of the tenant signs a customer in with email and password, and gets a token whose subject is that
 * customer. The storefront sends it beside its own token; it carries no scope of its own, so on its own it opens
 * nothing but the customer's identity.
 */
@Singleton
public class CustomerTokens {

    /** The {@code gty} of customer tokens: how they were obtained, for resource servers and introspection. */
    public static final String CUSTOMER_TOKEN = "customer_token";

    private final PresentedTokens presented;
    private final AccessTokenDenyList denyList;
    private final ClientRepository clients;
    private final UserAuthenticator users;
    private final AccessTokenFactory tokens;
    private final RandomValues random;
    private final MoltinSettings settings;
    private final Clock clock;
    private final RequestRates rates;

    @Inject
    public CustomerTokens(PresentedTokens presented, AccessTokenDenyList denyList, ClientRepository clients,
            UserAuthenticator users, AccessTokenFactory tokens, RandomValues random, MoltinSettings settings,
            Clock clock, RequestRates rates) {
        this.rates = rates;
        this.presented = presented;
        this.denyList = denyList;
        this.clients = clients;
        this.users = users;
        this.tokens = tokens;
        this.random = random;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param bearer   the caller's access token, from {@code Authorization: Bearer}
     * @param email    the customer's email
     * @param password the customer's password
     * @param source   where the request came from: rate limits and brute-force locks count per source
     */
    public Outcome<CustomerToken> issue(Tenant tenant, String bearer, String email, String password,
            SourceAddress source) {
        Optional<Duration> wait = rates.admitSource(source);
        if (wait.isPresent()) {
            return Outcome.failure(OAuthError.tooManyRequests(wait.get()));
        }
        return caller(tenant, bearer)
                .then(client -> rates.admitClient(tenant, client.clientId())
                        .<Outcome<Client>>map(clientWait -> Outcome.failure(OAuthError.tooManyRequests(clientWait)))
                        .orElseGet(() -> Outcome.success(client)))
                .then(client -> users.authenticateByEmail(tenant, email, password, source)
                        // one answer for an unknown email, a disabled customer and a wrong password
                        .toOutcome("Invalid email or password")
                        .map(customer -> issue(tenant, client, customer)));
    }

    /** The client whose own token (implicit or client_credentials) the caller presents. */
    private Outcome<Client> caller(Tenant tenant, String bearer) {
        VerifiedAccessToken token = presented.accessToken(tenant, bearer)
                .filter(t -> t.isValidAt(clock.instant()))
                .filter(t -> !denyList.denies(tenant, t.tokenId()))
                .orElse(null);
        if (token == null) {
            return Outcome.failure(OAuthError.of(OAuthErrorCode.INVALID_TOKEN,
                    "The access token is invalid, expired or revoked"));
        }
        if (!token.subject().equals(token.clientId())) {
            // a customer's or another user's token: customer tokens come from the storefront's own token only
            return Outcome.failure(OAuthError.of(OAuthErrorCode.INSUFFICIENT_SCOPE,
                    "A customer token needs an implicit or client_credentials token of the store"));
        }
        return clients.find(tenant.id(), token.clientId())
                .map(ClientRegistration::client)
                .filter(Client::enabled)
                .<Outcome<Client>>map(Outcome::success)
                .orElseGet(() -> Outcome.failure(OAuthError.of(OAuthErrorCode.INVALID_TOKEN,
                        "The access token's client is disabled or deleted")));
    }

    private CustomerToken issue(Tenant tenant, Client client, User customer) {
        String tokenId = random.newTokenId();
        IssuedToken issued = tokens.mint(tenant, client, customer.id().toString(), Scope.EMPTY,
                Map.of(AccessTokenClaims.GRANT_TYPE_CLAIM, CUSTOMER_TOKEN), tokenId,
                settings.customerTokenLifetime());
        return new CustomerToken(tokenId, customer.id(), issued.accessToken(), issued.expiresAt());
    }
}
