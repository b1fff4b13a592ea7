-- Reconciliation and recovery (issue 7): the OMS, IB and the position book compared per broker account.
--
-- Sync state per broker account. New orders (and modifies) for an account are accepted only while it is SYNCED:
-- an account is PENDING until its first reconciliation, RECONCILING from every (re)connect of its session until
-- the run after it succeeded (fail-closed). The cursor is the newest execution IB reported at the last successful
-- run (its time and exec id); the next run asks IB for executions from a little before it.
ALTER TABLE broker_accounts
    ADD COLUMN sync_state          text NOT NULL DEFAULT 'PENDING'
        CHECK (sync_state IN ('PENDING', 'RECONCILING', 'SYNCED')),
    ADD COLUMN sync_state_at       timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN sync_detail         text,
    ADD COLUMN sync_cursor_time    timestamptz,
    ADD COLUMN sync_cursor_exec_id text,
    ADD COLUMN last_run_id         uuid;

-- Orders placed outside the OMS (by hand in TWS, by another API client) are imported as EXTERNAL orders: their
-- terms are whatever IB reported, so the checks that mirror the API's validation apply to OMS orders only.
ALTER TABLE orders
    ADD COLUMN origin text NOT NULL DEFAULT 'OMS' CHECK (origin IN ('OMS', 'EXTERNAL'));
ALTER TABLE orders
    DROP CONSTRAINT orders_type_check,
    DROP CONSTRAINT orders_tif_check,
    DROP CONSTRAINT orders_limit_price_by_type,
    DROP CONSTRAINT orders_stop_price_by_type,
    DROP CONSTRAINT orders_trail_by_type,
    DROP CONSTRAINT orders_expire_at_by_tif,
    DROP CONSTRAINT orders_auction_type_tif,
    DROP CONSTRAINT orders_opg_type,
    DROP CONSTRAINT orders_outside_rth_sessions;
ALTER TABLE orders
    ADD CONSTRAINT orders_type_check
        CHECK (origin = 'EXTERNAL' OR type IN ('MKT', 'LMT', 'STP', 'STP_LMT', 'TRAIL', 'MOC', 'LOC')),
    ADD CONSTRAINT orders_tif_check
        CHECK (origin = 'EXTERNAL' OR tif IN ('DAY', 'GTC', 'IOC', 'FOK', 'GTD', 'OPG')),
    ADD CONSTRAINT orders_limit_price_by_type
        CHECK (origin = 'EXTERNAL' OR (limit_price IS NOT NULL) = (type IN ('LMT', 'STP_LMT', 'LOC'))),
    ADD CONSTRAINT orders_stop_price_by_type
        CHECK (origin = 'EXTERNAL' OR CASE WHEN type IN ('STP', 'STP_LMT') THEN stop_price IS NOT NULL
                                           WHEN type = 'TRAIL' THEN true
                                           ELSE stop_price IS NULL END),
    ADD CONSTRAINT orders_trail_by_type
        CHECK (origin = 'EXTERNAL' OR CASE WHEN type = 'TRAIL' THEN (trail_amount IS NULL) <> (trail_percent IS NULL)
                                           ELSE trail_amount IS NULL AND trail_percent IS NULL END),
    ADD CONSTRAINT orders_expire_at_by_tif
        CHECK (origin = 'EXTERNAL' OR (expire_at IS NOT NULL) = (tif = 'GTD')),
    ADD CONSTRAINT orders_auction_type_tif
        CHECK (origin = 'EXTERNAL' OR type NOT IN ('MOC', 'LOC') OR tif = 'DAY'),
    ADD CONSTRAINT orders_opg_type
        CHECK (origin = 'EXTERNAL' OR tif <> 'OPG' OR type IN ('MKT', 'LMT')),
    ADD CONSTRAINT orders_outside_rth_sessions
        CHECK (origin = 'EXTERNAL' OR NOT outside_rth OR (type NOT IN ('MOC', 'LOC') AND tif <> 'OPG'));
-- An external order is keyed by IB's permId (client_order_id 'ext-<permId>'), unique per account.
CREATE UNIQUE INDEX orders_external_perm_id_key ON orders (account, perm_id) WHERE origin = 'EXTERNAL';

-- One reconciliation run: what was compared (counts on both sides), what was found and what was repaired.
CREATE TABLE reconciliation_runs (
    id               uuid PRIMARY KEY,
    tenant_id        text NOT NULL REFERENCES tenants (id),
    account_code     text NOT NULL REFERENCES broker_accounts (account_code),
    connection_name  text NOT NULL,
    trigger          text NOT NULL CHECK (trigger IN ('CONNECT', 'SCHEDULE', 'MANUAL')),
    scope            text NOT NULL CHECK (scope IN ('FULL', 'OPEN_ORDERS', 'POSITIONS')),
    status           text NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by     text NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    -- {"omsOpenOrders":n,"brokerOpenOrders":n,"brokerCompletedOrders":n,"brokerExecutions":n,"omsExecutions":n,
    --  "brokerPositions":n,"omsPositions":n}
    compared         jsonb NOT NULL DEFAULT '{}'::jsonb,
    findings         int NOT NULL DEFAULT 0,
    repairs          int NOT NULL DEFAULT 0,
    discrepancies    int NOT NULL DEFAULT 0,
    executions_since timestamptz,
    cursor_time      timestamptz,
    cursor_exec_id   text,
    error            text
);
CREATE INDEX reconciliation_runs_tenant_idx ON reconciliation_runs (tenant_id, id DESC);
CREATE INDEX reconciliation_runs_account_idx ON reconciliation_runs (tenant_id, account_code, id DESC);

-- Every drift a run found, and what it did about it.
CREATE TABLE reconciliation_findings (
    id           uuid PRIMARY KEY,
    run_id       uuid NOT NULL REFERENCES reconciliation_runs (id),
    tenant_id    text NOT NULL REFERENCES tenants (id),
    account_code text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('MISSED_FILL', 'FILL_ON_CLOSED_ORDER', 'ORDER_STATE_DRIFT',
                                               'ORDER_UNKNOWN_AT_BROKER', 'EXTERNAL_ORDER', 'POSITION_DRIFT',
                                               'POSITION_NOT_REPORTED', 'BOOK_DRIFT', 'ACCOUNT_NOT_MANAGED')),
    action       text NOT NULL CHECK (action IN ('APPLIED', 'IMPORTED', 'RECORDED', 'NONE')),
    order_id     uuid,
    symbol       text,
    exec_id      text,
    perm_id      bigint,
    oms_value    text,
    broker_value text,
    detail       text NOT NULL,
    found_at     timestamptz NOT NULL
);
CREATE INDEX reconciliation_findings_run_idx ON reconciliation_findings (run_id, id);
CREATE INDEX reconciliation_findings_tenant_idx ON reconciliation_findings (tenant_id, id DESC);

-- Position drift that remained after the repairs: never overwritten, kept OPEN (and alerted) until a later run
-- finds the position in agreement again (RESOLVED) or someone acknowledges it.
CREATE TABLE reconciliation_discrepancies (
    id            uuid PRIMARY KEY,
    tenant_id     text NOT NULL REFERENCES tenants (id),
    account_code  text NOT NULL,
    symbol        text NOT NULL,
    status        text NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    oms_qty       numeric NOT NULL,
    derived_qty   numeric NOT NULL,
    broker_qty    numeric NOT NULL,
    oms_avg_cost  numeric,
    broker_avg_cost numeric,
    first_run_id  uuid NOT NULL REFERENCES reconciliation_runs (id),
    last_run_id   uuid NOT NULL REFERENCES reconciliation_runs (id),
    opened_at     timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    resolved_at   timestamptz,
    acknowledged_by text,
    note          text
);
CREATE UNIQUE INDEX reconciliation_discrepancies_open_key
    ON reconciliation_discrepancies (tenant_id, account_code, symbol) WHERE status <> 'RESOLVED';
CREATE INDEX reconciliation_discrepancies_tenant_idx ON reconciliation_discrepancies (tenant_id, id DESC);
