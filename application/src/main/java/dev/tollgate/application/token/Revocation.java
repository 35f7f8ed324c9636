package dev.tollgate.application.token;

/**
 * What a revocation request did (RFC 7009 §2.2). The caller is told the same either way (200, empty body): whether a
 * token existed is none of its business, and a token that was never valid needs no revoking.
 */
public sealed interface Revocation {

    /** A refresh token and every token of its family (those it replaced and that replaced it). */
    record FamilyRevoked(int tokens) implements Revocation {
    }

    /** An access token put on the deny list until it expires. */
    record AccessTokenDenied() implements Revocation {
    }

    /** Unknown, malformed, expired or already revoked: nothing left to do. */
    record NothingToRevoke() implements Revocation {
    }
}
