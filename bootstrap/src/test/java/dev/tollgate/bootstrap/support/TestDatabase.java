package dev.tollgate.bootstrap.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Puts every {@code @QuarkusTest} of this module on the test PostgreSQL. */
@QuarkusTestResource(PostgresTestResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
