package dev.tollgate.adapters.rest.console;

import dev.tollgate.application.admin.AdminCaller;
import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.application.port.SecretSealer;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's sessions, kept by the browser alone so that any replica serves any request: the cookie holds the
 * tenant and client_id in the clear and, sealed with the master key (AES-GCM through {@link SecretSealer}, bound to
 * that tenant and client), when the session began, when it was last used and the key of its CSRF tokens. Never the
 * client secret. Every request looks the client up again: a client that was disabled, deleted or lost
 * {@code clients:manage} is signed out on its next click.
 */
@ApplicationScoped
public class ConsoleSessions {

    static final String COOKIE = "tollgate_console";
    static final String PATH = "/console";
    /** Idle sessions end after this long; every page answered extends them. */
    static final Duration IDLE = Duration.ofMinutes(30);
    /** However busy, a session ends this long after the sign-in. */
    static final Duration ABSOLUTE = Duration.ofHours(8);
    /**
     * The sealer binds a sealed value to a (tenant, client_id) pair; client_ids never contain '/', so a session
     * never opens as a client's sealed secret, nor a sealed secret as a session.
     */
    private static final String PURPOSE = "console-session/";
    private static final String CSRF_PURPOSE = "console-csrf:";

    /** A signed-in admin: the session as opened and the caller the admin use cases take. */
    public record Signed(Tenant tenant, String clientId, Instant issuedAt, String csrfKey, AdminCaller caller) {
        @Override
        public String toString() {
            return "Signed[" + tenant.slug().value() + "/" + clientId + "]";
        }
    }

    private final SecretSealer sealer;
    private final SecretDigester digester;
    private final RandomValues random;
    private final TenantDirectory tenants;
    private final ClientRepository clients;
    private final Clock clock;
    private final boolean secureCookies;

    public ConsoleSessions(SecretSealer sealer, SecretDigester digester, RandomValues random, TenantDirectory tenants,
            ClientRepository clients, Clock clock, ServiceSettings settings) {
        this.sealer = sealer;
        this.digester = digester;
        this.random = random;
        this.tenants = tenants;
        this.clients = clients;
        this.clock = clock;
        this.secureCookies = "https".equalsIgnoreCase(settings.publicUrl().getScheme());
    }

    /** Whether this client may use the console: enabled, with its own client credentials grant and the scope. */
    static boolean mayAdminister(Client client) {
        return client.enabled() && client.allows(GrantType.CLIENT_CREDENTIALS)
                && client.scopes().allowed().tokens().contains(AdminCaller.CLIENTS_MANAGE);
    }

    /** A new session for a client that has just proved its secret. */
    public NewCookie begin(Tenant tenant, Client client) {
        Instant now = clock.instant();
        return cookie(tenant, client.clientId(), now, now, random.newSecret());
    }

    /** The session of this cookie, extended, or empty when there is none, it expired or its client may no longer. */
    public Optional<Signed> open(String cookie) {
        if (cookie == null || cookie.length() > 4096) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<String> slug = decode(parts[0]);
        Optional<String> clientId = decode(parts[1]);
        if (slug.isEmpty() || clientId.isEmpty()
                || !(tenants.bySlug(slug.get()) instanceof Outcome.Success<Tenant> found)) {
            return Optional.empty();
        }
        Tenant tenant = found.value();
        Optional<String> payload = sealer.open(tenant.id(), PURPOSE + clientId.get(), parts[2]);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        String[] fields = payload.get().split("\\|", 3);
        if (fields.length != 3) {
            return Optional.empty();
        }
        Instant issuedAt;
        Instant lastSeen;
        try {
            issuedAt = Instant.ofEpochSecond(Long.parseLong(fields[0]));
            lastSeen = Instant.ofEpochSecond(Long.parseLong(fields[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(lastSeen.plus(IDLE)) || now.isAfter(issuedAt.plus(ABSOLUTE))) {
            return Optional.empty();
        }
        return clients.find(tenant.id(), clientId.get())
                .map(ClientRegistration::client)
                .filter(ConsoleSessions::mayAdminister)
                .map(client -> new Signed(tenant, client.clientId(), issuedAt, fields[2],
                        new AdminCaller(tenant, client.clientId(), client.scopes().allowed())));
    }

    /** The same session, last used now: sent with every page so that the idle timeout slides. */
    public NewCookie extend(Signed signed) {
        return cookie(signed.tenant(), signed.clientId(), signed.issuedAt(), clock.instant(), signed.csrfKey());
    }

    /** Removes the cookie from the browser. */
    public NewCookie end() {
        return new NewCookie.Builder(COOKIE).value("").path(PATH).httpOnly(true).secure(secureCookies)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    /** The CSRF token of every form of this session: a keyed digest of the session's CSRF key. */
    public String csrfToken(Signed signed) {
        return digester.digest(CSRF_PURPOSE + signed.csrfKey());
    }

    public boolean csrfMatches(Signed signed, String field) {
        return field != null && field.length() <= 200 && digester.matches(CSRF_PURPOSE + signed.csrfKey(), field);
    }

    private NewCookie cookie(Tenant tenant, String clientId, Instant issuedAt, Instant lastSeen, String csrfKey) {
        String sealed = sealer.seal(tenant.id(), PURPOSE + clientId,
                issuedAt.getEpochSecond() + "|" + lastSeen.getEpochSecond() + "|" + csrfKey);
        String value = encode(tenant.slug().value()) + "." + encode(clientId) + "." + sealed;
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path(PATH)
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) IDLE.toSeconds())
                .build();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> decode(String text) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
