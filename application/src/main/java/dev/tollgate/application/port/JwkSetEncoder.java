package dev.tollgate.application.port;

import dev.tollgate.application.key.PublishedKey;
import java.util.List;
import java.util.Map;

/** Outbound port: renders public keys as JWKs (RFC 7517), ready to be serialized as JSON. */
public interface JwkSetEncoder {

    List<Map<String, Object>> encode(List<PublishedKey> keys);
}
