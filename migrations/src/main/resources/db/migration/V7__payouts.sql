-- Payouts as the payments system reported them, with their contents and the deposit in the books,
-- for the Payouts page where people reconcile their bank.
CREATE TABLE payouts (
    tenant_id           uuid        NOT NULL REFERENCES tenants (id),
    connection_id       uuid        NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    payout_id           text        NOT NULL,
    payout_date         date        NOT NULL,
    currency            text        NOT NULL,
    amount_minor        bigint      NOT NULL,
    bank_reference      text,
    deposit_id          text,
    deposit_total_minor bigint,
    reported_at         timestamptz NOT NULL DEFAULT now(),
    deposited_at        timestamptz,
    PRIMARY KEY (connection_id, payout_id)
);
CREATE INDEX payouts_by_date ON payouts (tenant_id, payout_date DESC);

CREATE TABLE payout_items (
    tenant_id     uuid   NOT NULL REFERENCES tenants (id),
    connection_id uuid   NOT NULL,
    payout_id     text   NOT NULL,
    position      int    NOT NULL,
    item_type     text   NOT NULL CHECK (item_type IN ('PAYMENT', 'REFUND', 'FEE', 'OTHER')),
    source_id     text,
    record_kind   text,
    amount_minor  bigint NOT NULL,
    description   text,
    PRIMARY KEY (connection_id, payout_id, position),
    FOREIGN KEY (connection_id, payout_id) REFERENCES payouts (connection_id, payout_id) ON DELETE CASCADE
);
-- A payment's page finds its payout.
CREATE INDEX payout_items_by_record ON payout_items (tenant_id, connection_id, record_kind, source_id);

DO
$$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['payouts', 'payout_items']
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
