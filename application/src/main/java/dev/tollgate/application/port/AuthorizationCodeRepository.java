package dev.tollgate.application.port;

import dev.tollgate.domain.authorization.AuthorizationCode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: authorization codes, stored only as digests of what the client receives. */
public interface AuthorizationCodeRepository {

    void save(AuthorizationCode code, String digest);

    Optional<AuthorizationCode> findByDigest(String digest);

    /**
     * Marks the code redeemed with what was issued from it; false when it already was (a parallel or replayed
     * exchange got there first), so that exactly one exchange of a code succeeds.
     */
    boolean markRedeemed(UUID codeId, AuthorizationCode.Redemption redemption);

    /** Deletes codes that expired before {@code before}: they can neither be exchanged nor replayed usefully. */
    int purgeExpired(Instant before);
}
