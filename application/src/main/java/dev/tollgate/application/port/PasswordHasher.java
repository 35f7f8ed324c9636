package dev.tollgate.application.port;

/** Outbound port: a slow adaptive hash for user passwords (low entropy, so each guess must cost). */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);
}
