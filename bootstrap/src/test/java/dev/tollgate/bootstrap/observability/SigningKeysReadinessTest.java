package dev.tollgate.bootstrap.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.SigningKeyRepository;
import dev.tollgate.application.port.SigningKeyVault;
import dev.tollgate.application.tenant.TenantDirectory;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness includes the signing keys: UP when the default tenant's active key opens, DOWN when it cannot. */
@QuarkusTest
class SigningKeysReadinessTest {

    @Inject
    TenantDirectory tenants;

    @Inject
    SigningKeyRepository keys;

    @Test
    void readinessReportsTheActiveKeyOfTheDefaultTenant() {
        // a token makes sure the default tenant has its first key
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "acme-backend")
                .formParam("client_secret", ConfigProvider.getConfig()
                        .getValue("tollgate.bootstrap.client.secret", String.class))
                .post("/auth/realms/acme-staging/protocol/openid-connect/token").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("signing-keys"))
                .body("checks.find { it.name == 'signing-keys' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aKeyThatDoesNotOpenWithTheMasterKeyIsNotReady() {
        // the default tenant has an active key by now or gets one here
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", "acme-backend")
                .formParam("client_secret", ConfigProvider.getConfig()
                        .getValue("tollgate.bootstrap.client.secret", String.class))
                .post("/auth/realms/acme-staging/protocol/openid-connect/token").then().statusCode(200);
        SigningKeyVault wrongMasterKey = new SigningKeyVault() {
            @Override
            public StoredSigningKey generate(UUID tenantId, SigningAlgorithm algorithm, SigningKeyStatus status,
                    Instant createdAt) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SigningKey open(StoredSigningKey stored) {
                throw new IllegalStateException("Tag mismatch");
            }

            @Override
            public PublicKey publicKey(StoredSigningKey stored) {
                throw new UnsupportedOperationException();
            }
        };
        HealthCheckResponse response = new SigningKeysReadiness(tenants, keys, wrongMasterKey).call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
    }
}
