package dev.tollgate.bootstrap.config;

import dev.tollgate.application.deprecation.DefaultDeprecations;
import dev.tollgate.domain.deprecation.BrownoutWindow;
import dev.tollgate.domain.deprecation.DeprecationPolicy;
import dev.tollgate.domain.deprecation.LegacySurface;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The service-wide deprecation policies from {@code tollgate.deprecation.*}; a mistake stops the start-up. */
public final class DeprecationSettings {

    static final String GUIDE_PATH = "/docs/migration-v0";

    private DeprecationSettings() {
    }

    public static DefaultDeprecations from(TollgateConfig config) {
        Map<LegacySurface, DeprecationPolicy> policies = new EnumMap<>(LegacySurface.class);
        URI guide = URI.create(config.publicUrl().toString().replaceAll("/+$", "") + GUIDE_PATH);
        TollgateConfig.Deprecation deprecation = config.deprecation();
        put(policies, LegacySurface.V0_TOKEN, deprecation.v0Token(), guide, "v0-token");
        put(policies, LegacySurface.V0_REFRESH, deprecation.v0Refresh(), guide, "v0-refresh");
        put(policies, LegacySurface.PASSWORD_GRANT, deprecation.passwordGrant(), guide, "password-grant");
        put(policies, LegacySurface.IMPLICIT, deprecation.implicit(), guide, "implicit");
        return new DefaultDeprecations(policies);
    }

    private static void put(Map<LegacySurface, DeprecationPolicy> policies, LegacySurface surface,
            TollgateConfig.Surface settings, URI guide, String key) {
        List<BrownoutWindow> brownouts = new ArrayList<>();
        for (String interval : settings.brownouts().orElse(List.of())) {
            brownouts.add(window(interval, "tollgate.deprecation." + key + ".brownouts"));
        }
        try {
            policies.put(surface, new DeprecationPolicy(surface, settings.deprecatedAt(), settings.sunsetAt(),
                    settings.link().orElse(guide), brownouts));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tollgate.deprecation." + key + ": " + e.getMessage(), e);
        }
    }

    static BrownoutWindow window(String interval, String property) {
        int slash = interval.indexOf('/');
        try {
            if (slash < 0) {
                throw new DateTimeParseException("no slash", interval, 0);
            }
            return new BrownoutWindow(OffsetDateTime.parse(interval.substring(0, slash).strip()).toInstant(),
                    OffsetDateTime.parse(interval.substring(slash + 1).strip()).toInstant());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalStateException(property + ": expected <start>/<end> in RFC 3339 with the start first, got "
                    + interval, e);
        }
    }
}
