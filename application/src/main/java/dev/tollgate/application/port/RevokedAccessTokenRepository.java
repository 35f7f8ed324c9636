package dev.tollgate.application.port;

import dev.tollgate.domain.token.RevokedAccessToken;
import java.time.Instant;
import java.util.UUID;

/** Outbound port: the deny list of revoked access tokens, by tenant and {@code jti}. */
public interface RevokedAccessTokenRepository {

    /** Lists the token; listing it again changes nothing. */
    void add(RevokedAccessToken token);

    boolean contains(UUID tenantId, String tokenId);

    /** Drops the tokens that expired before {@code now} (they are refused for their expiry anyway); returns how many. */
    int purgeExpired(Instant now);
}
