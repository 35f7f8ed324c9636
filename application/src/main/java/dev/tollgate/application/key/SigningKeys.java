package dev.tollgate.application.key;

import dev.tollgate.application.port.JwkSetEncoder;
import dev.tollgate.application.port.SigningKeyRepository;
import dev.tollgate.application.port.SigningKeyVault;
import dev.tollgate.domain.key.SigningKey;
import dev.tollgate.domain.key.SigningKeyStatus;
import dev.tollgate.domain.tenant.Tenant;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The signing keys of each tenant. A tenant's first key is generated on first need. Opened keys are kept in memory by
 * key id, because unsealing and decoding a private key per request would dominate the cost of a token; which key is
 * active is the repository's to say (cached by the adapter, and dropped when any replica rotates), so a rotation
 * elsewhere is followed.
 */
@Singleton
public class SigningKeys {

    private final SigningKeyRepository repository;
    private final SigningKeyVault vault;
    private final JwkSetEncoder jwkEncoder;
    private final Clock clock;
    private final ConcurrentMap<String, SigningKey> opened = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, PublishedKey> publicKeys = new ConcurrentHashMap<>();

    @Inject
    public SigningKeys(SigningKeyRepository repository, SigningKeyVault vault, JwkSetEncoder jwkEncoder, Clock clock) {
        this.repository = repository;
        this.vault = vault;
        this.jwkEncoder = jwkEncoder;
        this.clock = clock;
    }

    /** The key that signs the tenant's new tokens. */
    public SigningKey activeKey(Tenant tenant) {
        StoredSigningKey stored = repository.findActive(tenant.id()).orElseGet(() -> createFirstKey(tenant));
        return opened.computeIfAbsent(stored.keyId(), id -> vault.open(stored));
    }

    /** The tenant's JWKS: every key whose tokens may still be in circulation. */
    public List<Map<String, Object>> jwks(Tenant tenant) {
        return jwkEncoder.encode(verificationKeys(tenant));
    }

    /** The public keys a token of the tenant may be verified with: exactly those of its JWKS. */
    public List<PublishedKey> verificationKeys(Tenant tenant) {
        return published(tenant).stream()
                .map(stored -> publicKeys.computeIfAbsent(stored.keyId(),
                        id -> new PublishedKey(id, stored.algorithm(), vault.publicKey(stored))))
                .toList();
    }

    /** The keys in the tenant's JWKS, newest first. */
    public List<StoredSigningKey> published(Tenant tenant) {
        activeKey(tenant);
        return repository.findPublished(tenant.id(), clock.instant());
    }

    /**
     * A new active key for the tenant, in the tenant's current algorithm. The previous key stays in the JWKS for
     * {@code previousTokensLifetime}, the longest a token it signed can still be valid, then drops out.
     */
    public StoredSigningKey rotate(Tenant tenant, java.time.Duration previousTokensLifetime) {
        activeKey(tenant);
        java.time.Instant now = clock.instant();
        StoredSigningKey next = vault.generate(tenant.id(), tenant.signingAlgorithm(), SigningKeyStatus.ACTIVE, now);
        repository.rotate(tenant.id(), next, now.plus(previousTokensLifetime));
        return next;
    }

    private StoredSigningKey createFirstKey(Tenant tenant) {
        StoredSigningKey generated = vault.generate(
                tenant.id(), tenant.signingAlgorithm(), SigningKeyStatus.ACTIVE, clock.instant());
        return repository.saveActiveIfAbsent(generated);
    }
}
