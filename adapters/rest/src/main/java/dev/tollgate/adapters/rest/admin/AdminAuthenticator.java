package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.application.admin.AdminCaller;
import dev.tollgate.application.key.SigningKeys;
import dev.tollgate.application.tenant.ServiceSettings;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.application.token.AccessTokenDenyList;
import dev.tollgate.application.token.VerifiedAccessToken;
import dev.tollgate.domain.admin.AdminError;
import dev.tollgate.domain.admin.AdminResult;
import dev.tollgate.domain.error.Outcome;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.Tenant;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns {@code Authorization: Bearer <jwt>} into an {@link AdminCaller}. The token is verified by smallrye-jwt
 * against the JWKS of the tenant it names, with that tenant's issuer and audience: a token of one tenant never
 * verifies as another's, and only RS256/ES256 are accepted (no {@code none}, no HMAC confusion). Only a client's own
 * client_credentials token (no {@code gty}, the client as subject) is a caller: a user signing in through a client
 * that holds admin scopes gets those scopes in its token, but not the right to administer.
 */
@ApplicationScoped
public class AdminAuthenticator {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AdminAuthenticator.class);
    private static final AdminError INVALID = new AdminError.Unauthenticated("A valid bearer token is required");

    private final JWTParser parser;
    private final TenantDirectory tenants;
    private final SigningKeys signingKeys;
    private final ServiceSettings settings;
    private final ObjectMapper json;
    private final AccessTokenDenyList denyList;
    private final Clock clock;

    public AdminAuthenticator(JWTParser parser, TenantDirectory tenants, SigningKeys signingKeys,
            ServiceSettings settings, ObjectMapper json, AccessTokenDenyList denyList, Clock clock) {
        this.clock = clock;
        this.parser = parser;
        this.tenants = tenants;
        this.signingKeys = signingKeys;
        this.settings = settings;
        this.json = json;
        this.denyList = denyList;
    }

    public AdminResult<AdminCaller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return AdminResult.refused(INVALID);
        }
        String token = authorization.substring(7).trim();
        // only the token's parsing and verification may refuse it: a database that cannot be asked (the tenant, the
        // deny list) is no invalid token and must reach the error mapper as what it is
        String slug;
        try {
            // only to learn which tenant's keys to verify with; nothing is trusted before parse() below
            slug = stringClaim(parser.parseOnly(token), "tenant");
        } catch (ParseException | RuntimeException e) {
            LOG.debugf("Admin token refused: %s", e.getMessage());
            return AdminResult.refused(INVALID);
        } catch (StackOverflowError e) {
            LOG.debugf("Admin token refused: claims nested too deep");
            return AdminResult.refused(INVALID);
        }
        if (slug == null || !(tenants.bySlug(slug) instanceof Outcome.Success<Tenant> found)) {
            LOG.debugf("Admin token refused: no known tenant claim");
            return AdminResult.refused(INVALID);
        }
        Tenant tenant = found.value();
        JWTAuthContextInfo context = context(tenant);
        JsonWebToken verified;
        Scope scopes;
        try {
            verified = parser.parse(token, context);
            String scope = stringClaim(verified, "scope");
            scopes = scope == null ? Scope.EMPTY : Scope.parse(scope).orElse(Scope.EMPTY);
        } catch (ParseException | RuntimeException e) {
            // the reason helps operators; the caller learns only that the token was refused
            LOG.debugf("Admin token refused: %s", e.getMessage());
            return AdminResult.refused(INVALID);
        } catch (StackOverflowError e) {
            // claims nested thousands deep (found by the fuzz test): smallrye-jwt converts them recursively
            LOG.debugf("Admin token refused: claims nested too deep");
            return AdminResult.refused(INVALID);
        }
        if (Instant.ofEpochSecond(verified.getIssuedAtTime())
                .isAfter(clock.instant().plus(VerifiedAccessToken.CLOCK_SKEW))) {
            // smallrye-jwt checks exp and nbf but not an iat in the future: not made by Tollgate's clock
            LOG.debugf("Admin token refused: issued in the future");
            return AdminResult.refused(INVALID);
        }
        if (verified.getClaim("gty") != null || !verified.getSubject().equals(stringClaim(verified, "client_id"))) {
            // a user's, customer's or implicit token carries its client's scopes but not its client's trust
            LOG.debugf("Admin token refused: not a client credentials token");
            return AdminResult.refused(INVALID);
        }
        if (verified.getTokenID() == null || denyList.denies(tenant, verified.getTokenID())) {
            // revoked (RFC 7009) before its expiry
            LOG.debugf("Admin token refused: revoked");
            return AdminResult.refused(INVALID);
        }
        return AdminResult.done(new AdminCaller(tenant, verified.getSubject(), scopes));
    }

    /** smallrye-jwt hands custom claims over as JSON-P values. */
    private static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value instanceof String string ? string : null;
    }

    private JWTAuthContextInfo context(Tenant tenant) {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        try {
            context.setPublicKeyContent(json.writeValueAsString(Map.of("keys", signingKeys.jwks(tenant))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the JWKS", e);
        }
        context.setIssuedBy(tenant.issuer(settings.publicUrl()).toString());
        context.setExpectedAudience(Set.of(tenant.audience(settings.publicUrl())));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        context.setRequiredClaims(Set.of("sub", "exp", "iat", "jti", "tenant"));
        return context;
    }
}
