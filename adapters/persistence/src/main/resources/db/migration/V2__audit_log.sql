-- Append-only record of administrative changes (who, what, when, which tenant). Never holds a secret.
create table audit_log (
    id        uuid          primary key,
    at        timestamptz   not null,
    tenant_id uuid          not null,
    actor     varchar(300)  not null,
    action    varchar(100)  not null,
    resource  varchar(300)  not null,
    details   jsonb         not null default '{}'
);
create index audit_log_tenant_at on audit_log (tenant_id, at desc);

-- Append-only in the database too: rows cannot be changed or removed through normal statements.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
