-- More pre-trade risk (issue 6): per-asset-class limits, leverage and concentration limits, the account equity
-- they are measured against, restricted accounts, and the day's peak P&L the trailing drawdown is measured from.

-- ASSET_CLASS scope: scope_value is an instrument security type (STK, OPT, FUT, CASH, ...).
-- MAX_LEVERAGE is a ratio, MAX_CONCENTRATION_PCT a percent; ACCOUNT_EQUITY is not a ceiling but the account's
-- equity (net liquidation value) entered by hand, as nothing records it from the broker yet (ACCOUNT scope only).
ALTER TABLE risk_limits DROP CONSTRAINT risk_limits_scope_check;
ALTER TABLE risk_limits ADD CONSTRAINT risk_limits_scope_check
    CHECK (scope IN ('TENANT', 'ACCOUNT', 'INSTRUMENT', 'ASSET_CLASS', 'STRATEGY', 'USER'));
ALTER TABLE risk_limits DROP CONSTRAINT risk_limits_limit_type_check;
ALTER TABLE risk_limits ADD CONSTRAINT risk_limits_limit_type_check
    CHECK (limit_type IN ('MAX_ORDER_QTY', 'MAX_NOTIONAL', 'PRICE_COLLAR_PCT', 'POSITION_LIMIT', 'OPEN_ORDERS',
                          'ORDER_RATE', 'DAILY_LOSS', 'DRAWDOWN', 'DUPLICATE_WINDOW', 'MAX_LEVERAGE',
                          'MAX_CONCENTRATION_PCT', 'ACCOUNT_EQUITY'));
ALTER TABLE risk_limits ADD CONSTRAINT risk_limits_equity_per_account
    CHECK (limit_type <> 'ACCOUNT_EQUITY' OR scope = 'ACCOUNT');

-- Accounts the tenant blocks from trading (compliance), like restricted_symbols. Only the tenant's own broker
-- accounts are accepted by the API (checked there: broker_accounts is keyed by account code alone).
CREATE TABLE restricted_accounts (
    tenant_id  text NOT NULL REFERENCES tenants (id),
    account    text NOT NULL,
    reason     text,
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, account)
);

-- The highest day P&L (realized + unrealized - commissions, as the risk snapshot computes it) seen per account
-- and New York trading date. Only ever raised (GREATEST), by every risk snapshot and every P&L snapshot.
CREATE TABLE risk_day_peaks (
    tenant_id    text NOT NULL REFERENCES tenants (id),
    account      text NOT NULL,
    trading_date date NOT NULL,
    peak_pnl     numeric NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, account, trading_date)
);
