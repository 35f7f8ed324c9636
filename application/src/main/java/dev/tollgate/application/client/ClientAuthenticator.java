package dev.tollgate.application.client;

import dev.tollgate.application.abuse.Lockouts;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.domain.abuse.SourceAddress;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates a client at the token endpoint (RFC 6749 §2.3). Every failure is the same {@code invalid_client},
 * so a caller cannot tell an unknown client from a wrong secret; an unknown client still costs one digest. Failed
 * secrets count towards the brute-force {@link Lockouts} of the client_id and of the source address; while either is
 * locked, secrets for that client_id are not checked at all.
 */
@Singleton
public class ClientAuthenticator {

    /** Far beyond any registered client_id; a longer one is not looked up. */
    static final int MAX_CLIENT_ID_LENGTH = 1024;

    private final ClientRepository clients;
    private final SecretDigester digester;
    private final Clock clock;
    private final Lockouts lockouts;
    private final String decoyDigest;

    @Inject
    public ClientAuthenticator(ClientRepository clients, SecretDigester digester, Clock clock, Lockouts lockouts) {
        this.clients = clients;
        this.digester = digester;
        this.clock = clock;
        this.lockouts = lockouts;
        this.decoyDigest = digester.digest("decoy secret used to equalize timing for unknown clients");
    }

    /** The client the credentials prove, for a request from {@code source}. */
    public Outcome<Client> authenticate(Tenant tenant, ClientCredentials credentials, SourceAddress source) {
        return switch (credentials) {
            case ClientCredentials.SecretBasic basic -> withSecret(tenant, basic.clientId(), basic.secret(), source,
                    OAuthError.invalidClient().because(OAuthError.Cause.BASIC_AUTHENTICATION_FAILED));
            case ClientCredentials.SecretPost post -> withSecret(tenant, post.clientId(), post.secret(), source,
                    OAuthError.invalidClient());
            case ClientCredentials.ClientIdOnly publicClient -> publicClient(tenant, publicClient.clientId());
            case ClientCredentials.Absent absent -> Outcome.failure(OAuthError.invalidClient());
        };
    }

    private Outcome<Client> withSecret(Tenant tenant, String clientId, String secret, SourceAddress source,
            OAuthError refusal) {
        Lockouts.Subject subject = new Lockouts.Subject.ClientId(clientId);
        Optional<Duration> locked = lockouts.lockedFor(tenant, source, subject);
        if (locked.isPresent()) {
            return Outcome.failure(OAuthError.tooManyFailedAttempts(locked.get()));
        }
        Optional<Client> client = verify(tenant, clientId, secret);
        if (client.isEmpty()) {
            lockouts.failed(tenant, source, subject);
            return Outcome.failure(refusal);
        }
        lockouts.succeeded(tenant, subject);
        return Outcome.success(client.get());
    }

    private Optional<Client> verify(Tenant tenant, String clientId, String secret) {
        Optional<ClientRegistration> found = clients.find(tenant.id(), clientId);
        if (found.isEmpty()) {
            digester.matches(secret, decoyDigest);
            return Optional.empty();
        }
        ClientRegistration registration = found.get();
        Instant now = clock.instant();
        boolean matched = false;
        if (registration.secrets().isEmpty()) {
            // a public client has no secret: still spend a digest, so timing does not tell it apart
            digester.matches(secret, decoyDigest);
        }
        for (StoredSecret stored : registration.secrets()) {
            // check every secret so the time taken does not reveal which one matched
            matched |= stored.validAt(now) & digester.matches(secret, stored.digest());
        }
        Client client = registration.client();
        if (!matched || !client.enabled() || !client.authMethod().usesSharedSecret()) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    /**
     * The enabled client a client_id names, without proof: only for grants whose tokens are public by design
     * ({@link dev.tollgate.application.grant.PublishableTokenGrantHandler}), never to hand out a client's own rights.
     */
    public Outcome<Client> identify(Tenant tenant, String clientId) {
        return clients.find(tenant.id(), clientId)
                .map(ClientRegistration::client)
                .filter(Client::enabled)
                .<Outcome<Client>>map(Outcome::success)
                .orElseGet(() -> Outcome.failure(OAuthError.invalidClient()));
    }

    /** Whether the tenant has a client of that id, enabled or not: to attribute a call, never to grant one. */
    public boolean isRegistered(Tenant tenant, String clientId) {
        return clientId.length() <= MAX_CLIENT_ID_LENGTH && clients.find(tenant.id(), clientId).isPresent();
    }

    private Outcome<Client> publicClient(Tenant tenant, String clientId) {
        return clients.find(tenant.id(), clientId)
                .map(ClientRegistration::client)
                .filter(Client::enabled)
                .filter(client -> client.authMethod() == TokenEndpointAuthMethod.NONE)
                .<Outcome<Client>>map(Outcome::success)
                .orElseGet(() -> Outcome.failure(OAuthError.invalidClient()));
    }
}
