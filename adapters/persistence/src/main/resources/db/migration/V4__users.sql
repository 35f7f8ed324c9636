-- Resource owners of a tenant. Passwords only as bcrypt hashes.
create table tenant_user (
    id            uuid          primary key,
    tenant_id     uuid          not null references tenant (id) on delete cascade,
    email         varchar(320)  not null,
    username      varchar(320)  not null,
    name          varchar(200)  not null default '',
    roles         text[]        not null default '{}',
    enabled       boolean       not null default true,
    password_hash varchar(100)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    unique (tenant_id, email),
    unique (tenant_id, username)
);
