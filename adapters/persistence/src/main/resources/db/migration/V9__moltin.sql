-- Moltin dialect (seed 004): the fixed scope of implicit tokens, per tenant. Implicit tokens ship in browser
-- storefronts, so their scope is narrow and the same for every client of the tenant. Space-delimited scope tokens
-- (RFC 6749 §3.3); existing tenants get the default set.
alter table tenant add column implicit_scope varchar(1000) not null
    default 'catalog:read carts:read carts:write checkout:write';
