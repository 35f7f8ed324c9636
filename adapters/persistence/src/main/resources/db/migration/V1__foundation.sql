-- Tollgate foundation: tenants, their API clients, client secrets and signing keys.

create table tenant (
    id                        uuid         primary key,
    slug                      varchar(63)  not null unique,
    display_name              varchar(200) not null,
    issuer                    varchar(500),
    audience                  varchar(500),
    access_token_ttl_seconds  integer      not null check (access_token_ttl_seconds between 60 and 86400),
    refresh_token_ttl_seconds integer      not null check (refresh_token_ttl_seconds >= 0),
    signing_algorithm         varchar(10)  not null check (signing_algorithm in ('RS256', 'ES256')),
    enabled                   boolean      not null default true,
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null
);

-- A host name routes to at most one tenant.
create table tenant_domain (
    domain    varchar(253) primary key,
    tenant_id uuid         not null references tenant (id) on delete cascade
);
create index tenant_domain_tenant on tenant_domain (tenant_id);

create table client (
    id                         uuid         primary key,
    tenant_id                  uuid         not null references tenant (id) on delete cascade,
    client_id                  varchar(100) not null,
    name                       varchar(200) not null,
    description                varchar(2000) not null default '',
    kind                       varchar(10)  not null check (kind in ('tenant', 'user')),
    owner_user_id              varchar(100),
    grant_types                text[]       not null,
    scopes                     text[]       not null,
    legacy_apis                boolean      not null,
    access_token_ttl_seconds   integer check (access_token_ttl_seconds between 60 and 86400),
    refresh_token_ttl_seconds  integer check (refresh_token_ttl_seconds >= 0),
    redirect_uris              text[]       not null,
    token_endpoint_auth_method varchar(40)  not null
        check (token_endpoint_auth_method in ('client_secret_basic', 'client_secret_post', 'none', 'private_key_jwt')),
    enabled                    boolean      not null default true,
    created_at                 timestamptz  not null,
    updated_at                 timestamptz  not null,
    unique (tenant_id, client_id),
    check ((kind = 'user') = (owner_user_id is not null)),
    check (not legacy_apis or cardinality(scopes) = 0),
    check ((access_token_ttl_seconds is null) = (refresh_token_ttl_seconds is null))
);

-- Only digests are stored. More than one secret may be valid at once while a rotation's grace period runs.
create table client_secret (
    id         uuid         primary key,
    client_pk  uuid         not null references client (id) on delete cascade,
    digest     varchar(200) not null,
    created_at timestamptz  not null,
    not_after  timestamptz
);
create index client_secret_client on client_secret (client_pk);

-- Private keys are sealed with the master key (AES-256-GCM); public keys are X.509 SubjectPublicKeyInfo DER.
create table signing_key (
    kid                varchar(100) primary key,
    tenant_id          uuid         not null references tenant (id) on delete cascade,
    algorithm          varchar(10)  not null check (algorithm in ('RS256', 'ES256')),
    public_key         bytea        not null,
    sealed_private_key bytea        not null,
    status             varchar(10)  not null check (status in ('ACTIVE', 'RETIRING', 'RETIRED')),
    created_at         timestamptz  not null,
    retired_at         timestamptz
);
-- One active key per tenant: replicas racing to create a tenant's first key cannot both win.
create unique index signing_key_one_active on signing_key (tenant_id) where status = 'ACTIVE';
create index signing_key_tenant on signing_key (tenant_id, created_at desc);
