package dev.tollgate.application.inmemory;

import dev.tollgate.application.client.ClientRegistration;
import dev.tollgate.application.client.StoredSecret;
import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.key.StoredSigningKey;
import dev.tollgate.application.port.ClientRepository;
import dev.tollgate.application.port.JwkSetEncoder;
import dev.tollgate.application.port.RandomValues;
import dev.tollgate.application.port.SecretDigester;
import dev.tollgate.application.port.SigningKeyRepository;
import dev.tollgate.application.port.SigningKeyVault;
import dev.tollgate.application.port.TenantRepository;
import dev.tollgate.application.port.TokenSigner;
import dev.tollgate.domain.client.Client;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.SigningAlgorithm;
import dev.tollgate.domain.tenant.Tenant;
import dev.tollgate.domain.tenant.TenantSlug;
import dev.tollgate.domain.token.AccessTokenClaims;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory implementations of the outbound ports, for plain JUnit tests of the use cases. */
public final class InMemoryPorts {

    private InMemoryPorts() {
    }

    public static final class Tenants implements TenantRepository {
        public final Map<String, Tenant> bySlug = new HashMap<>();

        @Override
        public Optional<Tenant> findBySlug(TenantSlug slug) {
            return Optional.ofNullable(bySlug.get(slug.value()));
        }

        @Override
        public Optional<Tenant> findByDomain(String host) {
            return bySlug.values().stream().filter(t -> t.domains().contains(host)).findFirst();
        }

        @Override
        public Tenant createIfAbsent(Tenant tenant) {
            return bySlug.computeIfAbsent(tenant.slug().value(), s -> tenant);
        }
    }

    public static final class Clients implements ClientRepository {
        public final Map<String, ClientRegistration> byKey = new HashMap<>();

        @Override
        public Optional<ClientRegistration> find(UUID tenantId, String clientId) {
            return Optional.ofNullable(byKey.get(tenantId + "/" + clientId));
        }

        @Override
        public boolean createIfAbsent(Client client, Optional<StoredSecret> secret) {
            return byKey.putIfAbsent(client.tenantId() + "/" + client.clientId(),
                    new ClientRegistration(client, secret.stream().toList())) == null;
        }

        public void put(Client client, StoredSecret... secrets) {
            byKey.put(client.tenantId() + "/" + client.clientId(), new ClientRegistration(client, List.of(secrets)));
        }
    }

    /** Digest = "d:" + secret: readable, and counts its calls to check timing equalization. */
    public static final class Digester implements SecretDigester {
        public final AtomicInteger matchCalls = new AtomicInteger();

        @Override
        public String digest(String secret) {
            return "d:" + secret;
        }

        @Override
        public boolean matches(String secret, String digest) {
            matchCalls.incrementAndGet();
            return digest.equals("d:" + secret);
        }
    }

    public static final class Random implements RandomValues {
        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public String newSecret() {
            return "generated-secret-" + counter.incrementAndGet();
        }

        @Override
        public String newTokenId() {
            return "jti-" + counter.incrementAndGet();
        }

        @Override
        public UUID newId() {
            return UUID.randomUUID();
        }
    }

    public static final class Keys implements SigningKeyRepository {
        public final List<StoredSigningKey> stored = new ArrayList<>();
        public final AtomicInteger findActiveCalls = new AtomicInteger();

        @Override
        public Optional<StoredSigningKey> findActive(UUID tenantId) {
            findActiveCalls.incrementAndGet();
            return stored.stream()
                    .filter(k -> k.tenantId().equals(tenantId) && k.status() == SigningKeyStatus.ACTIVE)
                    .findFirst();
        }

        @Override
        public List<StoredSigningKey> findPublished(UUID tenantId) {
            return stored.stream().filter(k -> k.tenantId().equals(tenantId) && k.status().published()).toList();
        }

        @Override
        public StoredSigningKey saveActiveIfAbsent(StoredSigningKey key) {
            return findActive(key.tenantId()).orElseGet(() -> {
                stored.add(key);
                return key;
            });
        }
    }

    /** A vault that keeps real key pairs in memory instead of sealing them. */
    public static final class Vault implements SigningKeyVault {
        private final Map<String, KeyPair> pairs = new HashMap<>();
        public final AtomicInteger opened = new AtomicInteger();

        @Override
        public StoredSigningKey generate(UUID tenantId, SigningAlgorithm algorithm, SigningKeyStatus status,
                Instant createdAt) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(256);
                KeyPair pair = generator.generateKeyPair();
                String kid = "kid-" + (pairs.size() + 1);
                pairs.put(kid, pair);
                return new StoredSigningKey(kid, tenantId, algorithm, pair.getPublic().getEncoded(), new byte[0],
                        status, createdAt);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public SigningKey open(StoredSigningKey stored) {
            opened.incrementAndGet();
            KeyPair pair = pairs.get(stored.keyId());
            return new SigningKey(stored.keyId(), stored.tenantId(), stored.algorithm(), pair.getPublic(),
                    pair.getPrivate(), stored.createdAt());
        }

        @Override
        public PublicKey publicKey(StoredSigningKey stored) {
            return pairs.get(stored.keyId()).getPublic();
        }
    }

    /** "Signs" by remembering the claims; the token is an index into {@link #signed}. */
    public static final class Signer implements TokenSigner {
        public final List<AccessTokenClaims> signed = new ArrayList<>();
        public final List<String> keyIds = new ArrayList<>();

        @Override
        public String sign(AccessTokenClaims claims, SigningKey key) {
            signed.add(claims);
            keyIds.add(key.keyId());
            return "token-" + (signed.size() - 1);
        }

        public AccessTokenClaims claimsOf(String token) {
            return signed.get(Integer.parseInt(token.substring("token-".length())));
        }
    }

    public static final class Jwks implements JwkSetEncoder {
        @Override
        public List<Map<String, Object>> encode(List<PublishedKey> keys) {
            return keys.stream().map(k -> Map.<String, Object>of("kid", k.keyId(), "alg", k.algorithm().name()))
                    .toList();
        }
    }
}
