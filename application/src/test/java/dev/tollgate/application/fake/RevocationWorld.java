package dev.tollgate.application.fake;

import dev.tollgate.application.token.AccessTokenDenyList;
import dev.tollgate.application.token.AccessTokenFactory;
import dev.tollgate.application.token.PresentedTokens;
import dev.tollgate.application.token.TokenIntrospection;
import dev.tollgate.application.token.TokenRevocation;

/**
 * Introspection and revocation wired on a {@link TestWorld}'s fakes, with tokens in the shape of a JWS
 * ({@link FakeJws}) so that they are told apart from refresh tokens the way real ones are.
 */
public final class RevocationWorld {

    public final TestWorld world = new TestWorld();
    public final FakeJws jws = new FakeJws();
    public final FakeRevokedAccessTokenRepository revoked = new FakeRevokedAccessTokenRepository();
    public final AccessTokenFactory accessTokens =
            new AccessTokenFactory(world.signingKeys, jws, world.random, world.settings, world.clock);
    public final AccessTokenDenyList denyList = new AccessTokenDenyList(revoked, world.clock);
    public final PresentedTokens presented =
            new PresentedTokens(world.signingKeys, jws, world.refreshTokens, world.settings);
    public final TokenIntrospection introspection =
            new TokenIntrospection(world.authenticator, presented, denyList, world.users, world.clock);
    public final TokenRevocation revocation =
            new TokenRevocation(world.authenticator, presented, denyList, world.refreshTokenStore, world.clock);
}
