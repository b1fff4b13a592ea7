-- Execution corrections, last prices and daily P&L snapshots (issue 4).
--
-- IB corrects an execution by sending it again under the same exec id up to the last dot with a higher
-- suffix. Every revision keeps its row for the audit trail; the replaced ones name their replacement in
-- superseded_by, and only rows with superseded_by NULL (the effective executions) count for positions.
-- realized_pnl is the P&L this execution realized in its position's fold (canonical order: executed_at,
-- exec_id); it is null for a superseded execution.
ALTER TABLE executions
    ADD COLUMN exec_base     text,
    ADD COLUMN exec_revision int NOT NULL DEFAULT 0,
    ADD COLUMN superseded_by text,
    ADD COLUMN realized_pnl  numeric;
UPDATE executions SET exec_base = exec_id WHERE exec_base IS NULL;
ALTER TABLE executions ALTER COLUMN exec_base SET NOT NULL;
CREATE INDEX executions_account_base_idx ON executions (account, exec_base);
CREATE INDEX executions_effective_position_idx ON executions (tenant_id, account, symbol, executed_at, exec_id)
    WHERE superseded_by IS NULL;

-- A commission report that arrived before its execution: joined when the execution is recorded.
CREATE TABLE pending_commissions (
    tenant_id  text NOT NULL REFERENCES tenants (id),
    account    text NOT NULL,
    exec_id    text NOT NULL,
    commission numeric NOT NULL,
    currency   text,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account, exec_id)
);

-- The last traded price per symbol from IB market data (not tenant-owned, like instruments).
CREATE TABLE market_prices (
    symbol text PRIMARY KEY,
    price  numeric NOT NULL CHECK (price > 0),
    at     timestamptz NOT NULL
);

-- One end-of-day P&L snapshot per account and trading date (the US equity session's date).
CREATE TABLE pnl_snapshots (
    id           uuid PRIMARY KEY,
    tenant_id    text NOT NULL REFERENCES tenants (id),
    account      text NOT NULL,
    trading_date date NOT NULL,
    realized     numeric NOT NULL,
    unrealized   numeric NOT NULL,
    commissions  numeric NOT NULL,
    positions    jsonb NOT NULL,
    taken_at     timestamptz NOT NULL,
    CONSTRAINT pnl_snapshots_account_date_key UNIQUE (tenant_id, account, trading_date)
);
CREATE INDEX pnl_snapshots_tenant_date_idx ON pnl_snapshots (tenant_id, trading_date, account);
