-- Risk overrides (issue 6): a person with risk:override lets one denied order through (ORDER: single use, for
-- exactly the terms it names and only the risk reasons it names) or lifts one limit for a while (LIMIT). Every
-- override has a reason and an expiry; it is never deleted, only revoked, used or left to expire, so the table
-- is its own history. Expiry is read-time (expires_at > now): no job changes rows when an override expires.
CREATE TABLE risk_overrides (
    id             uuid PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    kind           text NOT NULL CHECK (kind IN ('ORDER', 'LIMIT')),
    -- ORDER: the terms it allows (limit_price compared by value; NULL for orders without one) ...
    account        text,
    symbol         text,
    side           text CHECK (side IS NULL OR side IN ('BUY', 'SELL')),
    quantity       numeric CHECK (quantity IS NULL OR quantity > 0),
    order_type     text,
    limit_price    numeric CHECK (limit_price IS NULL OR limit_price > 0),
    -- ... and the denial reasons it waives (risk reasons only; the API refuses compliance ones)
    reasons        text[],
    source_order   uuid,
    -- LIMIT: the limit it lifts (no foreign key: deleting the limit must not erase the override's history)
    limit_id       uuid,
    reason         text NOT NULL CHECK (length(reason) > 0),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL CHECK (expires_at > created_at),
    revoked_at     timestamptz,
    revoked_by     text,
    used_at        timestamptz,
    used_by_order  text,
    CONSTRAINT risk_overrides_order_terms CHECK (kind <> 'ORDER' OR (account IS NOT NULL AND symbol IS NOT NULL
        AND side IS NOT NULL AND quantity IS NOT NULL AND order_type IS NOT NULL
        AND reasons IS NOT NULL AND cardinality(reasons) > 0)),
    CONSTRAINT risk_overrides_limit CHECK ((kind = 'LIMIT') = (limit_id IS NOT NULL)),
    CONSTRAINT risk_overrides_bounded CHECK (expires_at <= created_at
        + CASE kind WHEN 'ORDER' THEN interval '1 hour' ELSE interval '24 hours' END),
    CONSTRAINT risk_overrides_single_use CHECK (kind = 'ORDER' OR used_at IS NULL),
    CONSTRAINT risk_overrides_used_by CHECK ((used_at IS NULL) = (used_by_order IS NULL)),
    CONSTRAINT risk_overrides_revoked_by CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

-- Every risk check that ends with denials: the unused ORDER overrides of the order's account and symbol, and the
-- LIMIT overrides of the tenant, still standing (not revoked; expiry is compared at read time).
CREATE INDEX risk_overrides_order_idx ON risk_overrides (tenant_id, account, symbol, expires_at)
    WHERE kind = 'ORDER' AND revoked_at IS NULL;
CREATE INDEX risk_overrides_limit_idx ON risk_overrides (tenant_id, expires_at)
    WHERE kind = 'LIMIT' AND revoked_at IS NULL;
-- GET /api/v1/risk/overrides: the tenant's overrides, newest first (ids are UUIDv7).
CREATE INDEX risk_overrides_tenant_idx ON risk_overrides (tenant_id, id DESC);
