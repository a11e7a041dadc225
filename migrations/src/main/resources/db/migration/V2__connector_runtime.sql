-- The connector runtime: the webhook inbox, sync records, the id-mapping ledger, poll cursors,
-- alerts, per-connection schedules, and the job scheduler's own table.

ALTER TABLE connections ADD COLUMN last_error text;
ALTER TABLE connections ADD COLUMN last_error_at timestamptz;

-- Every event received, once per (connection, source, sender's event id).
CREATE TABLE inbox_events (
    id              bigserial PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    connection_id   uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    source          text        NOT NULL,
    external_id     text        NOT NULL,
    event_type      text        NOT NULL,
    object_id       text,
    occurred_at     timestamptz,
    payload         text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    last_error      text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    handled_at      timestamptz,
    handled_by      text,
    CONSTRAINT inbox_events_once UNIQUE (connection_id, source, external_id)
);
CREATE INDEX inbox_events_tenant ON inbox_events (tenant_id);
CREATE INDEX inbox_events_pending ON inbox_events (received_at) WHERE status = 'PENDING';

-- One record per business object crossing between the two systems.
CREATE TABLE sync_records (
    id            uuid PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    connection_id uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind          text        NOT NULL,
    source_id     text        NOT NULL,
    target_id     text,
    status        text        NOT NULL CHECK (status IN ('PENDING', 'WAITING_FOR_QUICKBOOKS', 'DONE', 'NEEDS_ATTENTION', 'FAILED', 'SKIPPED')),
    attempts      int         NOT NULL DEFAULT 0,
    last_error    text,
    summary       text,
    last_event_id bigint      REFERENCES inbox_events (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sync_records_once UNIQUE (connection_id, kind, source_id)
);
CREATE INDEX sync_records_tenant_status ON sync_records (tenant_id, connection_id, status, updated_at DESC);

-- Which object on one side is which on the other: the ledger behind exactly-once posting.
CREATE TABLE id_mappings (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    connection_id uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind          text        NOT NULL,
    source_id     text        NOT NULL,
    target_id     text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, kind, source_id)
);
CREATE INDEX id_mappings_target ON id_mappings (connection_id, kind, target_id);
CREATE INDEX id_mappings_tenant ON id_mappings (tenant_id);

CREATE TABLE poll_cursors (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    connection_id uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    value         text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (connection_id, name)
);

CREATE TABLE alerts (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    connection_id   uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    subject         text        NOT NULL,
    detail          text        NOT NULL,
    correlation     text,
    raised_at       timestamptz NOT NULL DEFAULT now(),
    acknowledged_at timestamptz
);
CREATE INDEX alerts_open ON alerts (tenant_id, connection_id, raised_at DESC) WHERE acknowledged_at IS NULL;

-- When each connection's periodic work next falls due.
CREATE TABLE connection_schedules (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    connection_id uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    schedule_id   text        NOT NULL,
    every_seconds int         NOT NULL CHECK (every_seconds > 0),
    next_run_at   timestamptz NOT NULL,
    PRIMARY KEY (connection_id, schedule_id)
);
CREATE INDEX connection_schedules_due ON connection_schedules (next_run_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['inbox_events', 'sync_records', 'id_mappings', 'poll_cursors', 'alerts', 'connection_schedules']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_rows ON %I TO ml_tenant '
                       'USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant())', t);
        EXECUTE format('CREATE POLICY platform_rows ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ml_tenant', t);
    END LOOP;
END
$$;
GRANT USAGE ON SEQUENCE inbox_events_id_seq TO ml_tenant;

-- db-scheduler's table (cluster-safe jobs over PostgreSQL). Platform work, not tenant data.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
