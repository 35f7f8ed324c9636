package dev.tollgate.application.fake;

import dev.tollgate.application.key.PublishedKey;
import dev.tollgate.application.port.JwkSetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Encodes each key as {kid, alg, key} where key is the public key's encoded bytes as text. */
public final class FakeJwkSetEncoder implements JwkSetEncoder {

    public final List<List<PublishedKey>> calls = new ArrayList<>();

    @Override
    public List<Map<String, Object>> encode(List<PublishedKey> keys) {
        calls.add(List.copyOf(keys));
        return keys.stream()
                .map(k -> Map.<String, Object>of(
                        "kid", k.keyId(),
                        "alg", k.algorithm().name(),
                        "key", new String(k.publicKey().getEncoded(), StandardCharsets.UTF_8)))
                .toList();
    }
}
