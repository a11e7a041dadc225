-- OAuth 2.0: the state of each "Connect to …" under way, and what is known of each connected system.
-- Tokens, client secrets and PKCE verifiers live in the vault (credentials) or sealed here, never plain.

-- One row per authorize redirect. Only a hash of the state is kept: the value itself travels through
-- the person's browser and the provider, and must not be usable from a copy of this table.
CREATE TABLE oauth_states (
    state_hash      bytea PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    connection_id   uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    user_id         uuid        NOT NULL,
    system          text        NOT NULL,
    -- The PKCE verifier, encrypted with the vault's keys and bound to this state; NULL without PKCE.
    sealed_verifier bytea,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);
CREATE INDEX oauth_states_tenant ON oauth_states (tenant_id);

ALTER TABLE oauth_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE oauth_states FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON oauth_states TO ml_tenant
    USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
DO
$$
BEGIN
    EXECUTE format('CREATE POLICY platform_rows ON oauth_states TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_states TO ml_tenant;

-- A connected system of a connection. Its row is also the lock that makes a refresh single-flight
-- across every running instance (SELECT … FOR UPDATE).
CREATE TABLE oauth_links (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    connection_id     uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    system            text        NOT NULL,
    company_name      text,
    connected_at      timestamptz NOT NULL DEFAULT now(),
    access_expires_at timestamptz,
    refreshed_at      timestamptz,
    refresh_failures  integer     NOT NULL DEFAULT 0,
    retry_at          timestamptz,
    PRIMARY KEY (connection_id, system)
);
CREATE INDEX oauth_links_tenant ON oauth_links (tenant_id);
CREATE INDEX oauth_links_refreshed ON oauth_links (refreshed_at);

ALTER TABLE oauth_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE oauth_links FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_rows ON oauth_links TO ml_tenant
    USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
DO
$$
BEGIN
    EXECUTE format('CREATE POLICY platform_rows ON oauth_links TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_links TO ml_tenant;
