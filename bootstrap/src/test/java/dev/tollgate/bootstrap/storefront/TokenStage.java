package dev.tollgate.bootstrap.storefront;

import static io.restassured.RestAssured.given;

import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.client.TokenEndpointAuthMethod;
import dev.tollgate.domain.grant.GrantType;
import dev.tollgate.domain.scope.Scope;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A tenant of its own for introspection and revocation tests, reached both ways: by its Host on {@code /oauth/*}
 * and by its slug on the realm paths. A resource server (confidential), two confidential apps, a public client and
 * a user.
 */
record TokenStage(Tenant tenant, String host, User user) {

    static final String RS = "resource-server";
    static final String RS_SECRET = "resource-server-secret-for-tests-0123456789";
    static final String APP = "app";
    static final String APP_SECRET = "app-secret-for-tests-only-0123456789abcdef";
    static final String OTHER = "other-app";
    static final String OTHER_SECRET = "other-app-secret-for-tests-0123456789abcdef";
    static final String SPA = "spa";
    static final String PASSWORD = "V3lC4EvMV1X5h3HsB_VU";

    /** One dialect's endpoints for the stage's tenant. */
    record Surface(String name, String token, String introspect, String revoke, Optional<String> host) {

        RequestSpecification request() {
            RequestSpecification request = given();
            host.ifPresent(h -> request.header("Host", h));
            return request;
        }

        /** A client credentials token of {@code clientId} from this dialect's token endpoint. */
        String accessToken(String clientId, String secret) {
            return request().auth().preemptive().basic(clientId, secret)
                    .formParam("grant_type", "client_credentials")
                    .post(token()).then().statusCode(200).extract().path("access_token");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static TokenStage create(Fixtures fixtures, String slug) {
        String host = slug + ".storefront.test";
        Tenant tenant = fixtures.tenant(slug, SigningAlgorithm.RS256, List.of(host));
        fixtures.clientWithSecret(tenant, RS, Scope.EMPTY, RS_SECRET);
        fixtures.clientWithSecret(tenant, APP, Scope.of("orders:read", "catalog"), APP_SECRET);
        fixtures.clientWithSecret(tenant, OTHER, Scope.of("orders:read"), OTHER_SECRET);
        fixtures.client(tenant, SPA, Scope.EMPTY, Set.of(GrantType.CLIENT_CREDENTIALS), TokenEndpointAuthMethod.NONE,
                true, Optional.empty());
        User user = fixtures.user(tenant, "shopper@" + host, "shopper-" + slug, PASSWORD, List.of());
        return new TokenStage(tenant, host, user);
    }

    Surface oauth() {
        return new Surface("oauth", "/oauth/token", "/oauth/introspect", "/oauth/revoke", Optional.of(host));
    }

    Surface realm() {
        String base = "/auth/realms/" + tenant.slug().value() + "/protocol/openid-connect";
        return new Surface("realm", base + "/token", base + "/token/introspect", base + "/revoke", Optional.empty());
    }

    List<Surface> surfaces() {
        return List.of(oauth(), realm());
    }

    String issuer() {
        String publicUrl = ConfigProvider.getConfig().getValue("tollgate.public-url", String.class);
        return publicUrl.replaceAll("/$", "") + "/auth/realms/" + tenant.slug().value();
    }
}
