package dev.tollgate.adapters.rest.console;

import dev.tollgate.application.deprecation.UsageReportLine;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.client.ClientScopes;
import dev.tollgate.domain.grant.GrantType;
import io.quarkus.qute.TemplateData;
import java.util.stream.Collectors;

/** What the console's templates show: plain strings, so that the templates hold no logic. */
final class ConsoleViews {

    private ConsoleViews() {
    }

    /** A client as a row of the list and on its own page; never with a secret. */
    @TemplateData
    public record ClientRow(String clientId, String name, String description, String kind, String grantTypes,
            String scopes, String accessTokenTtl, String authMethod, boolean enabled) {

        static ClientRow of(Client c) {
            String scopes = c.scopes() instanceof ClientScopes.LegacyApis
                    ? "Support Legacy APIs"
                    : c.scopes().allowed().tokens().isEmpty() ? "(none)" : String.join(" ", c.scopes().allowed().tokens());
            return new ClientRow(c.clientId(), c.name(), c.description(), c.kind().wireName(),
                    c.grantTypes().stream().map(GrantType::value).sorted().collect(Collectors.joining(" ")),
                    scopes,
                    c.lifetimes().map(l -> l.accessToken().toSeconds() + " s").orElse("tenant default"),
                    c.authMethod().wireName(), c.enabled());
        }
    }

    /** A line of the legacy API usage report. */
    @TemplateData
    public record UsageRow(String surface, String clientId, String user, long calls, long refusals, String firstSeen,
            String lastSeen) {

        static UsageRow of(UsageReportLine line) {
            String user = line.email().or(line::username)
                    .orElse(line.userId().map(Object::toString).orElse("(no known user)"));
            return new UsageRow(line.surface().wireName(), line.clientId(), user, line.calls(), line.refusals(),
                    line.firstSeen().toString(), line.lastSeen().toString());
        }
    }

    /** The values of the creation form, to show it again after a refusal. */
    @TemplateData
    public record ClientForm(String clientId, String name, String description, String scopes, boolean legacyApis,
            String accessTokenTtl) {
    }
}
