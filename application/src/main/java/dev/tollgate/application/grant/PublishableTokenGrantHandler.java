package dev.tollgate.application.grant;

/**
 * A grant whose tokens are public by design (Moltin's implicit token ships in browser storefronts): the client_id
 * alone names the client, with no secret, because no secret could stay secret there. What such a token may do is
 * narrowed by the handler instead. A caller that does send a secret is authenticated as usual.
 */
public interface PublishableTokenGrantHandler extends GrantHandler {
}
