package dev.tollgate.bootstrap.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything under {@code tollgate.*}. */
@ConfigMapping(prefix = "tollgate")
public interface TollgateConfig {

    /** The externally visible base URL; issuers are {@code <public-url>/auth/realms/<slug>}. */
    @WithDefault("http://localhost:8080")
    URI publicUrl();

    /** The tenant of unprefixed paths (/oauth/token, /.well-known/*) when the Host matches no tenant domain. */
    Optional<String> defaultTenant();

    /** The AES-256 master key, base64 of 32 bytes; it seals signing keys and peppers secret digests. */
    Optional<String> masterKey();

    /** A file holding the base64 master key, for development and the demo run. */
    Optional<Path> masterKeyFile();

    /** Whether a missing master key file may be created with a new random key (dev and demo only). */
    @WithDefault("false")
    boolean generateMasterKey();

    /** bcrypt cost of user passwords: 2^cost rounds. 12 takes about a quarter second on one core. */
    @WithDefault("12")
    int passwordBcryptCost();

    Bootstrap bootstrap();

    /** The service-wide deprecation policy of each legacy surface; tenants may get their own (admin API). */
    Deprecation deprecation();

    /** How calls of deprecated surfaces are counted for the migration report. */
    Usage usage();

    /** RFC 7523 JWT bearer assertions (seed 003 §3). */
    JwtBearer jwtBearer();

    /** The Moltin dialect (seed 004). */
    Moltin moltin();

    /** In-memory copies of tenants, clients and signing keys. */
    Cache cache();

    /** Brute-force locks and request rate limits (docs/reliability.md). */
    Abuse abuse();

    interface Abuse {

        /** Failed password checks per login (username or email) of a tenant: v0, password grant, login page, customers. */
        Failures failedLogins();

        /** Failed client authentications (wrong secret) per client_id of a tenant. */
        Failures failedClientAuths();

        /** Failed attempts of either kind per tenant and source address. */
        Failures failuresPerSource();

        /** Token requests per registered client (all token endpoints; v0 has one client per tenant and is not). */
        Rate requestsPerClient();

        /** Token requests per source address (an IPv6 address counts by its /64). */
        Rate requestsPerSource();

        /** The most counters one replica keeps; beyond, the least used are forgotten first. */
        @WithDefault("100000")
        long ledgerSize();
    }

    interface Failures {

        @WithDefault("true")
        boolean enabled();

        /** The failures that lock, within {@code reset-after} of each other. */
        int maxFailures();

        /** The first lock; each next one lasts twice as long, up to {@code max-lockout}. */
        Duration lockout();

        Duration maxLockout();

        /** Failures (and past locks) this long ago are forgotten. */
        @WithDefault("15M")
        Duration resetAfter();
    }

    interface Rate {

        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second. */
        double perSecond();

        /** Requests allowed at once above the sustained rate. */
        int burst();
    }

    interface Cache {

        /**
         * How often each replica checks whether tenants, clients or keys changed elsewhere (the longest another
         * replica's change may go unseen here).
         */
        @WithDefault("1S")
        Duration refreshInterval();
    }

    interface Moltin {

        /** Lifetime of client_credentials and implicit tokens at /oauth/access_token, for clients without a TTL. */
        @WithDefault("1H")
        Duration accessTokenLifetime();

        /** Lifetime of customer tokens (POST /v2/customers/tokens). */
        @WithDefault("24H")
        Duration customerTokenLifetime();
    }

    interface JwtBearer {

        /** An assertion issued (iat) longer ago than this is refused, whatever its exp. */
        @WithDefault("300S")
        Duration maxAge();

        /** Tolerance for clocks that disagree, applied to iat, exp and nbf (at most 10 minutes). */
        @WithDefault("60S")
        Duration clockSkew();
    }

    interface Deprecation {

        @WithName("v0-token")
        Surface v0Token();

        @WithName("v0-refresh")
        Surface v0Refresh();

        @WithName("password-grant")
        Surface passwordGrant();

        Surface implicit();
    }

    interface Surface {

        /** Since when the surface is deprecated (the seed's date by default); before it, no warning headers. */
        @WithDefault("2024-01-08T00:00:00Z")
        Instant deprecatedAt();

        /** When the surface stops answering (410); none by default. */
        Optional<Instant> sunsetAt();

        /** The migration guide; by default the page this service serves at {@code <public-url>/docs/migration-v0}. */
        Optional<URI> link();

        /** Planned brownouts as {@code <start>/<end>} RFC 3339 intervals, e.g. 2026-12-01T10:00:00Z/2026-12-01T11:00:00Z. */
        Optional<List<String>> brownouts();
    }

    interface Usage {

        /** How often the counted calls are written to the database (and on shutdown). */
        @WithDefault("10s")
        Duration flushInterval();
    }

    /** The deny list of revoked access tokens (RFC 7009). */
    Revocation revocation();

    interface Revocation {

        /** How often entries past their token's expiry are deleted. */
        @WithDefault("1h")
        Duration purgeInterval();
    }

    /** Read by {@code TollgateMain} before Quarkus starts; declared here so the mapping accepts it. */
    Demo demo();

    interface Demo {

        /** The demo run's folder: embedded PostgreSQL data, master key, demo client secret. */
        Optional<Path> dir();
    }

    /** A tenant and a client created at start-up when they do not exist yet. */
    interface Bootstrap {

        /** The admin tenant's client, created with the tenant on first start (TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_ID). */
        Optional<String> adminClientId();

        /** Its secret (TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_SECRET); at least 32 characters. */
        Optional<String> adminClientSecret();

        /** Dev and demo: generate the admin secret when none is configured, and print it once. */
        @WithDefault("false")
        boolean generateAdminSecret();

        Optional<BootstrapTenant> tenant();

        Optional<BootstrapClient> client();
    }

    interface BootstrapTenant {

        String slug();

        Optional<String> displayName();

        Optional<List<String>> domains();

        // no @WithDefault inside optional groups: a default would make the group present when nothing is configured

        /** RS256 (default) or ES256. */
        Optional<String> signingAlgorithm();

        /** Default access token lifetime in seconds, 86400 when absent. */
        Optional<Integer> accessTokenTtl();

        /** Default refresh token lifetime in seconds, 0 (none) when absent. */
        Optional<Integer> refreshTokenTtl();
    }

    interface BootstrapClient {

        String id();

        /** The secret; when absent a new one is generated and printed once. */
        Optional<String> secret();

        Optional<String> name();

        Optional<String> description();

        Optional<List<String>> scopes();

        /** "Support Legacy APIs": no scopes. */
        Optional<Boolean> legacyApis();

        /** client_credentials when absent. */
        Optional<List<String>> grantTypes();

        Optional<Integer> accessTokenTtl();
    }
}
