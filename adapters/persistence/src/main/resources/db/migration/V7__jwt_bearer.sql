-- RFC 7523 JWT bearer grant (seed 003 §3): sealed client secrets for HS256 assertions, clients' public keys for
-- RS256/ES256 assertions, storefront views, and the ids of accepted assertions (replay protection).

-- The secret itself, AES-256-GCM under the master key, bound to its client; only for clients allowed the JWT bearer
-- grant (HS256 needs the secret, not its digest). Null for every other secret.
alter table client_secret add column sealed_secret varchar(500);

-- A JWK Set of public RSA/EC keys (RFC 7591 jwks), checked by the admin API before it is stored.
-- Kept as the text the admin API stored (a cast checks it is a JSON object).
alter table client add column jwks text;
alter table client add constraint client_jwks_is_object check (jwks is null or jsonb_typeof(jwks::jsonb) = 'object');

alter table tenant add column default_view varchar(100);
alter table tenant_user add column view_id varchar(100);

-- One row per accepted assertion id, kept until the assertion could no longer be accepted anyway. The primary key
-- makes "insert ... on conflict do nothing" decide a race between replicas: one insert wins, the replay fails.
create table jwt_assertion_jti (
    tenant_id  uuid         not null references tenant (id) on delete cascade,
    client_id  varchar(100) not null,
    jti        varchar(200) not null,
    keep_until timestamptz  not null,
    primary key (tenant_id, client_id, jti)
);
create index jwt_assertion_jti_expiry on jwt_assertion_jti (keep_until);
