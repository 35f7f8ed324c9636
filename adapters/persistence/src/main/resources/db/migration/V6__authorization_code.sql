-- RFC 6749 §4.1 authorization codes: only a keyed digest is stored; single use (redeemed_at set once, by a
-- conditional update); what was issued from a code is kept so that a replay can revoke it (RFC 6749 §4.1.2).
create table authorization_code (
    id                    uuid          primary key,
    tenant_id             uuid          not null references tenant (id) on delete cascade,
    digest                varchar(100)  not null unique,
    client_id             varchar(100)  not null,
    user_id               uuid          not null,
    redirect_uri          varchar(2000) not null,
    scope                 text          not null,
    code_challenge        varchar(43),
    issued_at             timestamptz   not null,
    expires_at            timestamptz   not null,
    redeemed_at           timestamptz,
    refresh_family_id     uuid,
    access_token_id       varchar(100),
    access_token_expires  timestamptz,
    check (expires_at > issued_at),
    check ((redeemed_at is null) = (access_token_id is null))
);
-- expired codes are purged by age; the index keeps that cheap
create index authorization_code_expiry on authorization_code (expires_at);
