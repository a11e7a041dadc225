-- QuickBooks Desktop through the Web Connector: per-connection Web Connector accounts, the queue of
-- qbXML requests waiting for the next poll, and the Web Connector sessions (tickets) that carry them.
-- Tickets and session state live here, not in memory, so any platform instance can answer any call.

-- One Web Connector account per QuickBooks Desktop connection: the user name and password the Web
-- Connector signs in with, the GUIDs written into the .qwc file, and what the last polls said.
CREATE TABLE web_connector_accounts (
    connection_id          uuid PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    tenant_id              uuid        NOT NULL REFERENCES tenants (id),
    user_name              text        NOT NULL UNIQUE CHECK (length(user_name) BETWEEN 1 AND 100),
    password_hash          text,
    password_set_at        timestamptz,
    owner_id               uuid        NOT NULL,
    file_id                uuid        NOT NULL,
    last_polled_at         timestamptz,
    last_answered_at       timestamptz,
    qbxml_version          text,
    unreachable_message    text,
    unreachable_at         timestamptz,
    created_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX web_connector_accounts_tenant ON web_connector_accounts (tenant_id);

-- One Web Connector session: from authenticate to closeConnection (or until it expires unused).
-- Only a hash of the ticket is kept; the ticket itself is a bearer secret of the Web Connector.
CREATE TABLE web_connector_sessions (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    connection_id  uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    ticket_hash    bytea       NOT NULL UNIQUE,
    state          text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'expired')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    closed_at      timestamptz,
    qbxml_version  text,
    company_file   text,
    country        text,
    last_error     text,
    round_trips    integer     NOT NULL DEFAULT 0,
    sent           integer     NOT NULL DEFAULT 0,
    answered       integer     NOT NULL DEFAULT 0,
    failed         integer     NOT NULL DEFAULT 0,
    requeued       integer     NOT NULL DEFAULT 0,
    empty_sends    integer     NOT NULL DEFAULT 0,
    progress       integer     NOT NULL DEFAULT 0
);
CREATE INDEX web_connector_sessions_tenant ON web_connector_sessions (tenant_id);
CREATE INDEX web_connector_sessions_open ON web_connector_sessions (connection_id) WHERE state = 'open';
CREATE INDEX web_connector_sessions_expiry ON web_connector_sessions (expires_at) WHERE state = 'open';

-- qbXML request elements waiting for (or carried by) a Web Connector session. The platform sets
-- each element's requestID (unique per connection) and batches independent ones into one message;
-- requests queued together "in order" share order_group and travel in one stopOnError message.
CREATE TABLE web_connector_requests (
    id              bigserial PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    connection_id   uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    request_id      text        NOT NULL CHECK (length(request_id) BETWEEN 1 AND 50),
    request_type    text        NOT NULL,
    fragment        text        NOT NULL,
    purpose         text        NOT NULL,
    correlation     text,
    independent     boolean     NOT NULL,
    order_group     uuid,
    group_position  integer,
    send_alone      boolean     NOT NULL DEFAULT false,
    status          text        NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'answered', 'failed')),
    session_id      uuid REFERENCES web_connector_sessions (id) ON DELETE SET NULL,
    skip_session    uuid,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    status_code     integer,
    response        text,
    queued_at       timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    finished_at     timestamptz,
    delivered_at    timestamptz,
    UNIQUE (connection_id, request_id)
);
CREATE INDEX web_connector_requests_tenant ON web_connector_requests (tenant_id);
CREATE INDEX web_connector_requests_waiting ON web_connector_requests (connection_id, id) WHERE status = 'queued';
CREATE INDEX web_connector_requests_in_flight ON web_connector_requests (session_id) WHERE status = 'sent';
CREATE INDEX web_connector_requests_open_correlation ON web_connector_requests (connection_id, correlation)
    WHERE status IN ('queued', 'sent');
CREATE INDEX web_connector_requests_undelivered ON web_connector_requests (connection_id, id)
    WHERE delivered_at IS NULL AND status IN ('answered', 'failed');
CREATE INDEX web_connector_requests_group ON web_connector_requests (order_group) WHERE order_group IS NOT NULL;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['web_connector_accounts', 'web_connector_sessions', 'web_connector_requests']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I TO ml_tenant '
                       'USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant())', t);
        EXECUTE format('CREATE POLICY platform_rows ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
    END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE, DELETE ON web_connector_accounts, web_connector_sessions, web_connector_requests TO ml_tenant;
GRANT USAGE, SELECT ON SEQUENCE web_connector_requests_id_seq TO ml_tenant;
