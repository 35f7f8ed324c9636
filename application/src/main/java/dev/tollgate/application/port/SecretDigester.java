package dev.tollgate.application.port;

/**
 * Outbound port: one-way digests of machine secrets, compared in constant time. Client secrets are long random
 * values, so a fast keyed digest is enough; user passwords use a slow hash elsewhere.
 */
public interface SecretDigester {

    String digest(String secret);

    boolean matches(String secret, String digest);
}
