package dev.tollgate.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tollgate.application.fake.FakeJwkSetEncoder;
import dev.tollgate.application.fake.FakeSigningKeyRepository;
import dev.tollgate.application.fake.FakeSigningKeyVault;
import dev.tollgate.application.fake.MutableClock;
import dev.tollgate.application.fake.TestWorld;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private FakeSigningKeyRepository repository;
    private FakeSigningKeyVault vault;
    private FakeJwkSetEncoder encoder;
    private MutableClock clock;
    private SigningKeys signingKeys;
    private Tenant acme;

    @BeforeEach
    void setUp() {
        repository = new FakeSigningKeyRepository();
        vault = new FakeSigningKeyVault();
        encoder = new FakeJwkSetEncoder();
        clock = new MutableClock(TestWorld.NOW);
        signingKeys = new SigningKeys(repository, vault, encoder, clock);
        acme = TestWorld.tenant("acme").algorithm(SigningAlgorithm.ES256).build();
    }

    @Test
    void theFirstCallGeneratesAndSavesAnActiveKey() {
        SigningKey key = signingKeys.activeKey(acme);

        assertEquals(1, vault.generateCalls);
        assertEquals(1, repository.saveCalls);
        assertEquals(1, repository.stored.size());
        StoredSigningKey stored = repository.stored.getFirst();
        assertEquals(acme.id(), stored.tenantId());
        assertEquals(SigningKeyStatus.ACTIVE, stored.status());
        assertEquals(SigningAlgorithm.ES256, stored.algorithm(), "the tenant's algorithm");
        assertEquals(TestWorld.NOW, stored.createdAt(), "created now, by the clock");

        assertEquals("kid-1", key.keyId());
        assertEquals(acme.id(), key.tenantId());
        assertEquals(SigningAlgorithm.ES256, key.algorithm());
        assertEquals(1, vault.openCalls);
    }

    @Test
    void theSecondCallReusesTheCachedKey() {
        SigningKey first = signingKeys.activeKey(acme);
        clock.advance(java.time.Duration.ofHours(1));
        SigningKey second = signingKeys.activeKey(acme);

        assertSame(first, second);
        // which key is active is asked each time (the adapter caches that, and forgets it when any replica rotates);
        // the opened key is not opened again
        assertEquals(2, repository.findActiveCalls);
        assertEquals(1, repository.saveCalls);
        assertEquals(1, vault.generateCalls);
        assertEquals(1, vault.openCalls);
    }

    @Test
    void aRotationByAnotherReplicaIsFollowed() {
        SigningKey first = signingKeys.activeKey(acme);
        // another replica rotates: the repository now names a new active key
        repository.stored.replaceAll(k -> k.keyId().equals(first.keyId())
                ? new dev.tollgate.application.key.StoredSigningKey(k.keyId(), k.tenantId(), k.algorithm(),
                        k.publicKey(), k.sealedPrivateKey(), dev.tollgate.domain.key.SigningKeyStatus.RETIRING,
                        k.createdAt())
                : k);
        repository.stored.add(FakeSigningKeyVault.storedKey("elsewhere", acme.id(), SigningAlgorithm.RS256,
                dev.tollgate.domain.key.SigningKeyStatus.ACTIVE, clock.instant()));
        assertEquals("elsewhere", signingKeys.activeKey(acme).keyId());
    }

    @Test
    void anExistingActiveKeyIsOpenedNotReplaced() {
        repository.stored.add(FakeSigningKeyVault.storedKey("existing", acme.id(), SigningAlgorithm.RS256,
                SigningKeyStatus.ACTIVE, TestWorld.NOW.minusSeconds(86_400)));
        SigningKey key = signingKeys.activeKey(acme);

        assertEquals("existing", key.keyId());
        assertEquals(0, vault.generateCalls);
        assertEquals(0, repository.saveCalls);
        assertEquals(1, repository.stored.size());
    }

    @Test
    void whenAnotherReplicaSavedAKeyFirstThatKeyIsUsed() {
        repository.raceWinner = FakeSigningKeyVault.storedKey("winner", acme.id(), SigningAlgorithm.ES256,
                SigningKeyStatus.ACTIVE, TestWorld.NOW);
        SigningKey key = signingKeys.activeKey(acme);

        assertEquals("winner", key.keyId());
        assertSame(key, signingKeys.activeKey(acme));
    }

    @Test
    void eachTenantHasItsOwnKey() {
        Tenant shop = TestWorld.tenant("shop").build();
        assertEquals("kid-1", signingKeys.activeKey(acme).keyId());
        assertEquals("kid-2", signingKeys.activeKey(shop).keyId());
        assertEquals("kid-1", signingKeys.activeKey(acme).keyId());
        assertEquals(2, vault.generateCalls);
    }

    @Test
    void rotationSignsWithTheNewKeyAndPublishesTheOldOneUntilItsTokensExpire() {
        SigningKey first = signingKeys.activeKey(acme);
        clock.advance(java.time.Duration.ofSeconds(1));
        var next = signingKeys.rotate(acme, java.time.Duration.ofHours(1));

        assertEquals(next.keyId(), signingKeys.activeKey(acme).keyId(), "the new key signs at once");
        assertEquals(java.util.List.of(next.keyId(), first.keyId()),
                signingKeys.published(acme).stream().map(k -> k.keyId()).toList(), "newest first");
        clock.advance(java.time.Duration.ofMinutes(59));
        assertEquals(2, signingKeys.published(acme).size());
        clock.advance(java.time.Duration.ofMinutes(2));
        assertEquals(java.util.List.of(next.keyId()),
                signingKeys.published(acme).stream().map(k -> k.keyId()).toList(), "the old key has retired");
    }

    @Test
    void jwksCreatesTheFirstKeyAndPublishesIt() {
        List<Map<String, Object>> jwks = signingKeys.jwks(acme);

        assertEquals(List.of(Map.of("kid", "kid-1", "alg", "ES256", "key", "public:kid-1")), jwks);
        assertEquals(1, vault.generateCalls);
        assertEquals(1, encoder.calls.size());
        PublishedKey published = encoder.calls.getFirst().getFirst();
        assertEquals("kid-1", published.keyId());
        assertEquals(SigningAlgorithm.ES256, published.algorithm());
    }

    @Test
    void jwksEncodesEveryPublishedKeyButNotRetiredOnes() {
        repository.stored.add(FakeSigningKeyVault.storedKey("active", acme.id(), SigningAlgorithm.RS256,
                SigningKeyStatus.ACTIVE, TestWorld.NOW.minusSeconds(60)));
        repository.stored.add(FakeSigningKeyVault.storedKey("retiring", acme.id(), SigningAlgorithm.RS256,
                SigningKeyStatus.RETIRING, TestWorld.NOW.minusSeconds(3600)));
        repository.retireAfter.put("retiring", TestWorld.NOW.plusSeconds(60));
        repository.stored.add(FakeSigningKeyVault.storedKey("retired", acme.id(), SigningAlgorithm.RS256,
                SigningKeyStatus.RETIRED, TestWorld.NOW.minusSeconds(7200)));
        repository.stored.add(FakeSigningKeyVault.storedKey("other-tenant", java.util.UUID.randomUUID(),
                SigningAlgorithm.RS256, SigningKeyStatus.ACTIVE, TestWorld.NOW));

        List<Map<String, Object>> jwks = signingKeys.jwks(acme);

        assertEquals(List.of(
                Map.of("kid", "active", "alg", "RS256", "key", "public:active"),
                Map.of("kid", "retiring", "alg", "RS256", "key", "public:retiring")), jwks);
        assertEquals(0, vault.generateCalls);
        assertEquals(2, vault.publicKeyCalls);
    }

    @Test
    void jwksAfterSigningDoesNotCreateAnotherKey() {
        signingKeys.activeKey(acme);
        signingKeys.jwks(acme);
        signingKeys.jwks(acme);
        assertEquals(1, vault.generateCalls);
        assertEquals(1, repository.stored.size());
        assertEquals(1, vault.openCalls);
    }
}
