package dev.tollgate.domain.key;

/**
 * The life of a signing key: ACTIVE signs new tokens (one per tenant); RETIRING no longer signs but stays in the JWKS
 * until its last token expires; RETIRED is gone from the JWKS.
 */
public enum SigningKeyStatus {
    ACTIVE,
    RETIRING,
    RETIRED;

    public boolean published() {
        return this != RETIRED;
    }
}
