-- Pre-trade risk (issue 6): limits and restricted symbols, both tenant-owned.
--
-- A limit applies to the orders its scope names: the whole tenant (scope_value NULL), one account, one
-- instrument (symbol), one strategy or one user. Its value is in the unit of its type (shares, currency,
-- percent, a count, seconds); period_seconds is the window of an ORDER_RATE limit and of nothing else.
CREATE TABLE risk_limits (
    id             uuid PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    scope          text NOT NULL CHECK (scope IN ('TENANT', 'ACCOUNT', 'INSTRUMENT', 'STRATEGY', 'USER')),
    scope_value    text,
    limit_type     text NOT NULL CHECK (limit_type IN ('MAX_ORDER_QTY', 'MAX_NOTIONAL', 'PRICE_COLLAR_PCT',
                       'POSITION_LIMIT', 'OPEN_ORDERS', 'ORDER_RATE', 'DAILY_LOSS', 'DRAWDOWN', 'DUPLICATE_WINDOW')),
    value          numeric NOT NULL CHECK (value > 0),
    period_seconds int CHECK (period_seconds IS NULL OR period_seconds > 0),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT risk_limits_scope_value CHECK ((scope = 'TENANT') = (scope_value IS NULL)),
    CONSTRAINT risk_limits_period_by_type CHECK ((limit_type = 'ORDER_RATE') = (period_seconds IS NOT NULL))
);
CREATE INDEX risk_limits_tenant_idx ON risk_limits (tenant_id, limit_type, scope, id);

-- Symbols the tenant may not trade (compliance: restricted or watch list).
CREATE TABLE restricted_symbols (
    tenant_id  text NOT NULL REFERENCES tenants (id),
    symbol     text NOT NULL,
    reason     text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, symbol)
);

-- Working orders of an account, and its recent orders (order rate, duplicates), read by every risk check.
CREATE INDEX orders_tenant_account_created_idx ON orders (tenant_id, account, created_at);
