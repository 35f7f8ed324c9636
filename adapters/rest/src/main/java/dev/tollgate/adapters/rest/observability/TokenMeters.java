package dev.tollgate.adapters.rest.observability;

import dev.tollgate.domain.error.OAuthError;
import dev.tollgate.domain.error.OAuthErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts the tokens the token endpoints issue and the requests they refuse, by dialect.
 *
 * <p>Counted here, in the REST adapter, rather than through a port of the application: the dialect is a property of
 * the HTTP surface a request came to (the use case is shared by all of them and does not know it), and so is the
 * final answer (a refusal may be decided by the adapter itself, e.g. an unreadable body or an outage mapped to 503).
 * The application and the domain stay free of Micrometer.
 *
 * <p>The token endpoint serves thousands of requests a second per core: counters are created once per label set and
 * looked up without allocating (refusals by array index; issued tokens through two map lookups). Labels are of low
 * cardinality only: dialect, tenant slug (existing tenants only: a token is issued for a tenant that exists), grant
 * type (one a handler served), error code and reason; never client ids, users or tokens.
 */
@ApplicationScoped
public class TokenMeters {

    public static final String ISSUED = "tollgate.tokens.issued";
    public static final String REFUSED = "tollgate.token.refusals";

    /** The HTTP surface a token request came to. */
    public enum Dialect {
        REALM("realm"), OAUTH("oauth"), MOLTIN("moltin"), V0("v0"), CUSTOMER("customer");

        private final String label;

        Dialect(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The dialect of a token endpoint path, if {@code path} is one of the token endpoints. */
        public static Optional<Dialect> ofTokenPath(String path) {
            if (path == null) {
                return Optional.empty();
            }
            if (path.startsWith("/auth/realms/") && path.endsWith("/protocol/openid-connect/token")) {
                return Optional.of(REALM);
            }
            return switch (stripSlash(path)) {
                case "/oauth/token" -> Optional.of(OAUTH);
                case "/oauth/access_token" -> Optional.of(MOLTIN);
                case "/v0/token", "/v0/refresh_token" -> Optional.of(V0);
                case "/v2/customers/tokens" -> Optional.of(CUSTOMER);
                default -> Optional.empty();
            };
        }

        private static String stripSlash(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }

    /** Why a request was refused, beyond its error code: 429 and 503 share {@code temporarily_unavailable}. */
    public enum Reason {
        /** Refused on its merits (bad credentials, grant, request...). */
        REFUSED("refused"),
        /** A rate limit or a brute-force lock (HTTP 429). */
        THROTTLED("throttled"),
        /** The database could not be reached (HTTP 503). */
        UNAVAILABLE("unavailable"),
        /** A deprecated surface refused by its policy: a brownout or after the sunset. */
        DEPRECATED("deprecated");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int CODES = OAuthErrorCode.values().length;
    private static final int REASONS = Reason.values().length;

    private final MeterRegistry registry;
    /** dialect → tenant slug → grant type → counter. */
    private final Map<Dialect, ConcurrentHashMap<String, ConcurrentHashMap<String, Counter>>> issued =
            new EnumMap<>(Dialect.class);
    /** Indexed by dialect, error code and reason; filled on first use. */
    private final AtomicReferenceArray<Counter> refused =
            new AtomicReferenceArray<>(Dialect.values().length * CODES * REASONS);

    public TokenMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Dialect dialect : Dialect.values()) {
            issued.put(dialect, new ConcurrentHashMap<>());
        }
    }

    public void issued(Dialect dialect, String tenantSlug, String grantType) {
        ConcurrentHashMap<String, Counter> byGrant = issued.get(dialect).get(tenantSlug);
        if (byGrant == null) {
            byGrant = issued.get(dialect).computeIfAbsent(tenantSlug, slug -> new ConcurrentHashMap<>());
        }
        Counter counter = byGrant.get(grantType);
        if (counter == null) {
            counter = byGrant.computeIfAbsent(grantType, grant -> Counter.builder(ISSUED)
                    .description("Tokens issued by the token endpoints")
                    .tag("dialect", dialect.label())
                    .tag("tenant", tenantSlug)
                    .tag("grant_type", grant)
                    .register(registry));
        }
        counter.increment();
    }

    public void refused(Dialect dialect, OAuthError error) {
        refused(dialect, error.code(), reasonOf(error));
    }

    public void refused(Dialect dialect, OAuthErrorCode code, Reason reason) {
        int index = (dialect.ordinal() * CODES + code.ordinal()) * REASONS + reason.ordinal();
        Counter counter = refused.get(index);
        if (counter == null) {
            // the registry returns the same counter for the same name and labels: a race registers it once
            counter = Counter.builder(REFUSED)
                    .description("Token requests refused, by dialect, error code and reason")
                    .tag("dialect", dialect.label())
                    .tag("error", code.wireName())
                    .tag("reason", reason.label())
                    .register(registry);
            refused.set(index, counter);
        }
        counter.increment();
    }

    private static Reason reasonOf(OAuthError error) {
        if (error.cause() == OAuthError.Cause.THROTTLED) {
            return Reason.THROTTLED;
        }
        return error.code() == OAuthErrorCode.TEMPORARILY_UNAVAILABLE ? Reason.UNAVAILABLE : Reason.REFUSED;
    }
}
