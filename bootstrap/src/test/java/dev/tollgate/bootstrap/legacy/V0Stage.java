package dev.tollgate.bootstrap.legacy;

import dev.tollgate.bootstrap.support.Fixtures;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.user.User;
import java.util.List;

/** A tenant of its own, reached by its Host like a v0 caller's stage domain, with one integration user. */
record V0Stage(Tenant tenant, String host, User user) {

    static final String PASSWORD = "V3lC4EvMV1X5h3HsB_VU";

    static V0Stage create(Fixtures fixtures, String slug, SigningAlgorithm algorithm, List<String> roles) {
        String host = slug + ".v0.test";
        Tenant tenant = fixtures.tenant(slug, algorithm, List.of(host));
        User user = fixtures.user(tenant, "myusername@" + slug + ".test", "integration-" + slug, PASSWORD, roles);
        return new V0Stage(tenant, host, user);
    }
}
