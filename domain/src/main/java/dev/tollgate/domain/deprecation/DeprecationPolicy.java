package dev.tollgate.domain.deprecation;

import dev.tollgate.domain.tenant.TenantSlug;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The retirement plan of one legacy surface: since when it is deprecated, when it stops (sunset), planned brownouts
 * before that, and the migration guide. A tenant may have its own plan (e.g. a later sunset), which replaces the
 * default one for that tenant.
 */
public record DeprecationPolicy(
        LegacySurface surface,
        Instant deprecatedAt,
        Optional<Instant> sunsetAt,
        URI guide,
        List<BrownoutWindow> brownouts) {

    /** The date of the NewStore announcement in seed 000. */
    public static final Instant SEED_DEPRECATED_AT = Instant.parse("2024-01-08T00:00:00Z");

    public DeprecationPolicy {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(deprecatedAt, "deprecatedAt");
        Objects.requireNonNull(sunsetAt, "sunsetAt");
        Objects.requireNonNull(guide, "guide");
        brownouts = List.copyOf(brownouts);
        if (sunsetAt.isPresent() && !sunsetAt.get().isAfter(deprecatedAt)) {
            throw new IllegalArgumentException("the sunset comes after the deprecation");
        }
    }

    /** The decision for a caller whose tenant is not known: refusals name the replacement as a template. */
    public DeprecationDecision decide(Instant now) {
        return decide(now, Optional.empty());
    }

    /** The decision at {@code now}; a refusal names the replacement as the caller of {@code tenant} must call it. */
    public DeprecationDecision decide(Instant now, Optional<TenantSlug> tenant) {
        String replacement = surface.replacement(tenant);
        DeprecationDecision.Notice notice = new DeprecationDecision.Notice(deprecatedAt, sunsetAt, guide);
        if (now.isBefore(deprecatedAt)) {
            return new DeprecationDecision.Allow(notice);
        }
        if (sunsetAt.isPresent() && !now.isBefore(sunsetAt.get())) {
            return new DeprecationDecision.Refuse(notice, DeprecationDecision.Refuse.Reason.SUNSET,
                    "This API was retired on " + sunsetAt.get() + ". Use " + replacement
                            + " instead; see " + guide);
        }
        for (BrownoutWindow window : brownouts) {
            if (window.covers(now)) {
                return new DeprecationDecision.Refuse(notice, DeprecationDecision.Refuse.Reason.BROWNOUT,
                        "This deprecated API is unavailable until " + window.end() + " (planned brownout). Use "
                                + replacement + " instead; see " + guide);
            }
        }
        return new DeprecationDecision.AllowWithWarning(notice);
    }
}
