package dev.tollgate.application.fake;

import dev.tollgate.application.port.SecretDigester;
import java.util.ArrayList;
import java.util.List;

/** Digest = "digest:" + secret, readable in assertions; counts its calls to check timing equalization. */
public final class CountingSecretDigester implements SecretDigester {

    public int digestCalls;
    public int matchCalls;
    /** The digests compared against, in call order. */
    public final List<String> comparedDigests = new ArrayList<>();

    public static String digestOf(String secret) {
        return "digest:" + secret;
    }

    @Override
    public String digest(String secret) {
        digestCalls++;
        return digestOf(secret);
    }

    @Override
    public boolean matches(String secret, String digest) {
        matchCalls++;
        comparedDigests.add(digest);
        return digest.equals(digestOf(secret));
    }
}
