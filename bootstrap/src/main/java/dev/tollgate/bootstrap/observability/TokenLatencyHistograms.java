package dev.tollgate.bootstrap.observability;

import dev.tollgate.adapters.rest.observability.TokenMeters;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Latency histograms ({@code http_server_requests_seconds_bucket}) for the token endpoints only: p99 over any window
 * and across replicas is then a PromQL {@code histogram_quantile} (docs/observability.md). Other routes keep the
 * plain count/sum/max, so the scrape stays small; the {@code uri} label is the route template (a tenant slug never
 * becomes a label value).
 */
@Singleton
public class TokenLatencyHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter tokenEndpointHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())
                        || TokenMeters.Dialect.ofTokenPath(id.getTag("uri")).isEmpty()) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        // from 1 ms to 10 s: the buckets where a token endpoint's latency can be
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
