package dev.tollgate.bootstrap.deploy;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The paths deploy/kubernetes probes (KubernetesManifestsTest checks the manifests name these) answer 200 on the
 * running service, with PostgreSQL up.
 */
@QuarkusTest
class ProbePathsTest {

    static final String STARTUP = "/q/health/started";
    static final String READINESS = "/q/health/ready";
    static final String LIVENESS = "/q/health/live";

    @Test
    void everyProbePathAnswersUp() {
        for (String path : new String[] {STARTUP, READINESS, LIVENESS}) {
            given().when().get(path).then().statusCode(200);
        }
    }
}
