-- Baseline schema of the OMS ledger.
--
-- All tables are plain (non-partitioned) for now. Partitioning executions and audit_log by time comes
-- with a later issue: a partitioned table's unique constraints must include the partition key, so
-- unique(account, exec_id) and the audit idempotency key will then have to carry the time column.
--
-- Money and quantities are NUMERIC (BigDecimal), times timestamptz, surrogate keys UUIDv7 chosen by the
-- application. Every tenant-owned row carries tenant_id and every query on it filters by tenant_id.

CREATE TABLE tenants (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id         uuid PRIMARY KEY,
    tenant_id  text NOT NULL REFERENCES tenants (id),
    name       text NOT NULL,
    prefix     text NOT NULL UNIQUE,
    key_hash   text NOT NULL,                 -- sha-256 hex of the whole key, never the key itself
    scopes     text[] NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);

CREATE TABLE broker_connections (
    name                text PRIMARY KEY,
    host                text,
    port                int,
    client_id           int,
    status              text NOT NULL DEFAULT 'DOWN',
    status_detail       text,
    status_at           timestamptz,
    order_id_high_water int NOT NULL DEFAULT 0
);

CREATE TABLE broker_accounts (
    account_code    text PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    connection_name text NOT NULL REFERENCES broker_connections (name),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX broker_accounts_tenant_idx ON broker_accounts (tenant_id);

CREATE TABLE instruments (
    id               uuid PRIMARY KEY,
    symbol           text NOT NULL,
    sec_type         text NOT NULL DEFAULT 'STK',
    exchange         text NOT NULL DEFAULT 'SMART',
    primary_exchange text,
    currency         text NOT NULL DEFAULT 'USD',
    tick_size        numeric NOT NULL DEFAULT 0.01,
    con_id           bigint,
    UNIQUE (symbol, sec_type, currency)
);

CREATE TABLE orders (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    client_order_id text NOT NULL,
    account         text NOT NULL,
    symbol          text NOT NULL,
    side            text NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type            text NOT NULL,
    quantity        numeric NOT NULL CHECK (quantity > 0),
    limit_price     numeric CHECK (limit_price IS NULL OR limit_price > 0),
    tif             text NOT NULL,
    state           text NOT NULL,
    filled_quantity numeric NOT NULL DEFAULT 0,
    avg_fill_price  numeric,
    broker_order_id int,
    perm_id         bigint,
    reject_reason   text,
    version         bigint NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT orders_tenant_client_order_id_key UNIQUE (tenant_id, client_order_id),
    CONSTRAINT orders_limit_price_required CHECK (type <> 'LMT' OR limit_price IS NOT NULL)
);
CREATE INDEX orders_tenant_id_idx ON orders (tenant_id, id DESC);
CREATE INDEX orders_tenant_state_id_idx ON orders (tenant_id, state, id DESC);
CREATE INDEX orders_perm_id_idx ON orders (perm_id);

CREATE TABLE executions (
    id                  uuid PRIMARY KEY,
    tenant_id           text NOT NULL REFERENCES tenants (id),
    order_id            uuid NOT NULL REFERENCES orders (id),
    account             text NOT NULL,
    exec_id             text NOT NULL,
    symbol              text NOT NULL,
    side                text NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity            numeric NOT NULL CHECK (quantity > 0),
    price               numeric NOT NULL CHECK (price > 0),
    exchange            text,
    broker_order_id     int,
    perm_id             bigint,
    executed_at         timestamptz NOT NULL,
    commission          numeric,
    commission_currency text,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT executions_account_exec_id_key UNIQUE (account, exec_id)
);
CREATE INDEX executions_tenant_order_idx ON executions (tenant_id, order_id);

CREATE TABLE positions (
    tenant_id    text NOT NULL REFERENCES tenants (id),
    account      text NOT NULL,
    symbol       text NOT NULL,
    quantity     numeric NOT NULL,
    avg_cost     numeric NOT NULL,
    realized_pnl numeric NOT NULL,
    commissions  numeric NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, account, symbol)
);

CREATE TABLE audit_log (
    id               uuid PRIMARY KEY,
    tenant_id        text NOT NULL,
    at               timestamptz NOT NULL,
    actor            text NOT NULL,
    action           text NOT NULL,
    resource_type    text NOT NULL,
    resource_id      text NOT NULL,
    resource_version bigint,
    before           jsonb,
    after            jsonb,
    detail           text,
    ip               text,
    user_agent       text,
    CONSTRAINT audit_log_idempotency_key UNIQUE (tenant_id, resource_type, resource_id, resource_version, action)
);
CREATE INDEX audit_log_tenant_at_idx ON audit_log (tenant_id, at DESC);

-- The audit log is append-only: any UPDATE or DELETE raises.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Broker events that no order claimed (unknown orderRef / order id), kept as reconciliation input.
CREATE TABLE unmatched_broker_events (
    id              uuid PRIMARY KEY,
    connection_name text NOT NULL,
    kind            text NOT NULL,
    order_ref       text,
    broker_order_id int,
    exec_id         text,
    payload         jsonb NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unmatched_broker_events_connection_idx ON unmatched_broker_events (connection_name, received_at);
