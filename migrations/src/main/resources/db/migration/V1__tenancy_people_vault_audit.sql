-- Tenants, their people, the credential vault and the audit log.
--
-- Isolation: every tenant-owned table carries tenant_id and has row-level security enabled and
-- forced. Tenant work runs in transactions that switch to the role ml_tenant (SET LOCAL ROLE) and
-- set app.tenant_id; ml_tenant can only ever see and write rows of that tenant. The platform's own
-- cross-tenant work (routing a webhook by its token, looking up an e-mail at sign-in, the job
-- scheduler) runs as the migrating role, which has its own explicit policy.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ml_tenant') THEN
        CREATE ROLE ml_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END
$$;
GRANT ml_tenant TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO ml_tenant;

-- The tenant a tenant-scoped transaction works for; NULL outside one, which matches no row.
CREATE FUNCTION current_tenant() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- One person, one sign-in: e-mail addresses are unique across tenants.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
CREATE INDEX users_tenant ON users (tenant_id);

CREATE TABLE invitations (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    email       text        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE,
    invited_by  uuid        NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz
);
CREATE INDEX invitations_tenant ON invitations (tenant_id);

-- Failed sign-ins, for throttling. Not tenant data: the attempt may name no existing account.
CREATE TABLE sign_in_failures (
    id           bigserial PRIMARY KEY,
    email_key    text        NOT NULL,
    client_ip    text        NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email_key, attempted_at);
CREATE INDEX sign_in_failures_ip ON sign_in_failures (client_ip, attempted_at);

CREATE TABLE connections (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    connector_id  text        NOT NULL,
    name          text        NOT NULL,
    status        text        NOT NULL DEFAULT 'ACTIVE',
    webhook_token text        NOT NULL UNIQUE,
    settings      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connections_tenant ON connections (tenant_id);

-- Data keys of the vault (a Tink keyset), stored encrypted under the master key.
CREATE TABLE vault_keysets (
    name              text PRIMARY KEY,
    encrypted_keyset  bytea       NOT NULL,
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE credentials (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    connection_id uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    field         text        NOT NULL,
    ciphertext    bytea       NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, field)
);
CREATE INDEX credentials_tenant ON credentials (tenant_id);

CREATE TABLE audit_log (
    id             bigserial PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    connection_id  uuid,
    correlation_id text,
    step           text        NOT NULL,
    outcome        text        NOT NULL,
    source_id      text,
    target_id      text,
    message        text,
    occurred_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_tenant_time ON audit_log (tenant_id, occurred_at DESC, id DESC);
CREATE INDEX audit_log_correlation ON audit_log (tenant_id, correlation_id);
CREATE INDEX audit_log_connection ON audit_log (tenant_id, connection_id, occurred_at DESC);

-- The audit log is append-only for everyone, including the table owner.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Row-level security on every tenant-owned table.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['users', 'invitations', 'connections', 'credentials', 'audit_log']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I TO ml_tenant '
                       'USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant())', t);
        EXECUTE format('CREATE POLICY platform_rows ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
    END LOOP;
END
$$;
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON tenants TO ml_tenant USING (id = current_tenant());
CREATE POLICY platform_rows ON tenants USING (true) WITH CHECK (true);
ALTER POLICY platform_rows ON tenants TO CURRENT_USER;

GRANT SELECT, UPDATE ON tenants TO ml_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON users, invitations, connections, credentials TO ml_tenant;
GRANT SELECT, INSERT ON audit_log TO ml_tenant;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO ml_tenant;
