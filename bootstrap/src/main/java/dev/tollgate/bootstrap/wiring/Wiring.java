package dev.tollgate.bootstrap.wiring;

import dev.tollgate.adapters.crypto.BcryptPasswordHasher;
import dev.tollgate.adapters.crypto.MasterKey;
import dev.tollgate.application.port.PasswordHasher;
import dev.tollgate.application.grant.GrantHandler;
import dev.tollgate.application.grant.GrantHandlers;
import dev.tollgate.application.grant.JwtBearerSettings;
import dev.tollgate.application.abuse.AbuseLimits;
import dev.tollgate.application.moltin.MoltinSettings;
import dev.tollgate.domain.abuse.FailureLimit;
import dev.tollgate.domain.abuse.RateLimit;
import dev.tollgate.application.deprecation.DefaultDeprecations;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.bootstrap.config.DeprecationSettings;
import dev.tollgate.bootstrap.config.MasterKeySource;
import dev.tollgate.bootstrap.config.TollgateConfig;
import dev.tollgate.domain.tenant.TenantSlug;
import io.quarkus.arc.All;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.List;

/** Produces what the hexagon's plain classes need from the container and the configuration. */
public class Wiring {

    /** Every {@link GrantHandler} bean found on the class path: adding a grant type needs no change here. */
    @Produces
    @Singleton
    GrantHandlers grantHandlers(@All List<GrantHandler> handlers) {
        return new GrantHandlers(handlers);
    }

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ServiceSettings serviceSettings(TollgateConfig config) {
        return new ServiceSettings(config.publicUrl(), config.defaultTenant().map(TenantSlug::new));
    }

    @Produces
    @Singleton
    JwtBearerSettings jwtBearerSettings(TollgateConfig config) {
        return new JwtBearerSettings(config.jwtBearer().maxAge(), config.jwtBearer().clockSkew());
    }

    @Produces
    @Singleton
    MoltinSettings moltinSettings(TollgateConfig config) {
        return new MoltinSettings(config.moltin().accessTokenLifetime(), config.moltin().customerTokenLifetime());
    }

    @Produces
    @Singleton
    AbuseLimits abuseLimits(TollgateConfig config) {
        TollgateConfig.Abuse abuse = config.abuse();
        return new AbuseLimits(failures(abuse.failedLogins()), failures(abuse.failedClientAuths()),
                failures(abuse.failuresPerSource()), rate(abuse.requestsPerClient()), rate(abuse.requestsPerSource()));
    }

    private static Optional<FailureLimit> failures(TollgateConfig.Failures config) {
        return config.enabled()
                ? Optional.of(new FailureLimit(config.maxFailures(), config.lockout(), config.maxLockout(),
                        config.resetAfter()))
                : Optional.empty();
    }

    private static Optional<RateLimit> rate(TollgateConfig.Rate config) {
        return config.enabled() ? Optional.of(new RateLimit(config.perSecond(), config.burst())) : Optional.empty();
    }

    @Produces
    @Singleton
    DefaultDeprecations defaultDeprecations(TollgateConfig config) {
        return DeprecationSettings.from(config);
    }

    @Produces
    @Singleton
    PasswordHasher passwordHasher(TollgateConfig config) {
        return new BcryptPasswordHasher(config.passwordBcryptCost());
    }

    @Produces
    @Singleton
    MasterKey masterKey(TollgateConfig config) {
        return MasterKeySource.load(config);
    }
}
