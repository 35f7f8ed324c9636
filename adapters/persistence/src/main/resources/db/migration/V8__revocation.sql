-- RFC 7009 revocation of access tokens: a JWT cannot be recalled, so a revoked one is denied by its jti until its
-- own expiry. Rows past expires_at are purged (the token is refused for its expiry by then anyway).
create table revoked_access_token (
    tenant_id   uuid          not null references tenant (id) on delete cascade,
    jti         varchar(200)  not null,
    client_id   varchar(100)  not null,
    expires_at  timestamptz   not null,
    revoked_at  timestamptz   not null,
    primary key (tenant_id, jti)
);
create index revoked_access_token_expiry on revoked_access_token (expires_at);
