-- Token API v0: per-tenant claim names and refresh behaviour, refresh tokens, deprecation overrides and the
-- migration report's tallies. Needs PostgreSQL 15+ (unique ... nulls not distinct).

alter table tenant
    add column v0_tenant_claim           varchar(200) not null default 'http://newstore/newstore_id',
    add column v0_roles_claim            varchar(200) not null default 'http://newstore/roles',
    add column v0_rotate_refresh_tokens  boolean      not null default false;

-- every tenant has the built-in client of v0 tokens; new tenants get it when they are created
insert into client (id, tenant_id, client_id, name, description, kind, grant_types, scopes, legacy_apis,
                    access_token_ttl_seconds, refresh_token_ttl_seconds, redirect_uris, token_endpoint_auth_method,
                    enabled, created_at, updated_at)
select gen_random_uuid(), t.id, 'legacy-v0', 'Token API v0 (deprecated)',
       'Built in: the client of tokens issued by the deprecated /v0/token and /v0/refresh_token.',
       'tenant', '{password,refresh_token}', '{}', true, 86400, 2592000, '{}', 'none', true, now(), now()
from tenant t
where t.slug <> 'admin'
on conflict (tenant_id, client_id) do nothing;

-- opaque refresh tokens: only a keyed digest is stored; a family links a token to the ones that replaced it
create table refresh_token (
    id          uuid         primary key,
    tenant_id   uuid         not null references tenant (id) on delete cascade,
    family_id   uuid         not null,
    client_id   varchar(100) not null,
    user_id     uuid         not null,
    digest      varchar(100) not null unique,
    scope       text         not null,
    issued_at   timestamptz  not null,
    expires_at  timestamptz,
    state       varchar(10)  not null check (state in ('active', 'rotated', 'revoked')),
    changed_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_user on refresh_token (tenant_id, user_id);

-- a tenant's own policy for a legacy surface, replacing the service-wide one
create table deprecation_override (
    tenant_id      uuid          not null references tenant (id) on delete cascade,
    surface        varchar(40)   not null,
    deprecated_at  timestamptz   not null,
    sunset_at      timestamptz,
    link           varchar(2000) not null,
    primary key (tenant_id, surface),
    check (sunset_at is null or sunset_at > deprecated_at)
);

create table deprecation_brownout (
    tenant_id  uuid         not null,
    surface    varchar(40)  not null,
    starts_at  timestamptz  not null,
    ends_at    timestamptz  not null,
    foreign key (tenant_id, surface) references deprecation_override (tenant_id, surface) on delete cascade,
    check (ends_at > starts_at)
);
create index deprecation_brownout_policy on deprecation_brownout (tenant_id, surface);

-- running tallies of legacy calls per caller; user_id is null when the call named no known user
create table legacy_usage (
    tenant_id   uuid         not null references tenant (id) on delete cascade,
    surface     varchar(40)  not null,
    client_id   varchar(100) not null,
    user_id     uuid,
    calls       bigint       not null check (calls > 0),
    refusals    bigint       not null check (refusals between 0 and calls),
    first_seen  timestamptz  not null,
    last_seen   timestamptz  not null,
    constraint legacy_usage_caller unique nulls not distinct (tenant_id, surface, client_id, user_id)
);
create index legacy_usage_recent on legacy_usage (tenant_id, last_seen desc);

-- administrators of the admin tenant holding every admin scope get the new one of the deprecation admin API
update client set scopes = array_append(scopes, 'deprecations:manage'), updated_at = now()
where tenant_id in (select id from tenant where slug = 'admin')
  and scopes @> array['tenants:manage', 'clients:manage', 'users:manage', 'keys:manage']::text[]
  and not scopes @> array['deprecations:manage']::text[];
