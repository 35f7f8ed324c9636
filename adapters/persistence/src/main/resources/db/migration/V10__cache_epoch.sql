-- Replicas keep tenants, clients (with secret digests) and signing keys in memory, so that the token endpoint needs
-- no database round trip. Every change to those tables, by any replica or by hand, moves this one counter forward in
-- the same transaction; each replica reads it every tollgate.cache.refresh-interval and drops what it holds when it
-- has moved.
create table cache_epoch (
    id    smallint primary key check (id = 1),
    epoch bigint   not null
);
insert into cache_epoch (id, epoch) values (1, 0);

create function bump_cache_epoch() returns trigger language plpgsql as $$
begin
    update cache_epoch set epoch = epoch + 1 where id = 1;
    return null;
end;
$$;

create trigger tenant_cache_epoch after insert or update or delete or truncate on tenant
    for each statement execute function bump_cache_epoch();
create trigger tenant_domain_cache_epoch after insert or update or delete or truncate on tenant_domain
    for each statement execute function bump_cache_epoch();
create trigger client_cache_epoch after insert or update or delete or truncate on client
    for each statement execute function bump_cache_epoch();
create trigger client_secret_cache_epoch after insert or update or delete or truncate on client_secret
    for each statement execute function bump_cache_epoch();
create trigger signing_key_cache_epoch after insert or update or delete or truncate on signing_key
    for each statement execute function bump_cache_epoch();
