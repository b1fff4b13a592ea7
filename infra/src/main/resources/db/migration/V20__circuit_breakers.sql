-- Circuit breakers (issue 6): thresholds that engage a kill switch automatically, evaluated every few seconds by
-- the tenant's CircuitBreakers workflow. One breaker per kind and tenant; its scope is the whole tenant or one
-- account (account_code set exactly then). window_seconds is the look-back of the windowed kinds; LOSS has none
-- (it measures today's P&L).
CREATE TABLE circuit_breakers (
    tenant_id      text NOT NULL REFERENCES tenants (id),
    kind           text NOT NULL CHECK (kind IN ('LOSS', 'REJECT_STORM', 'BROKER_LATENCY', 'REPEATED_EXECUTIONS')),
    scope          text NOT NULL CHECK (scope IN ('TENANT', 'ACCOUNT')),
    account_code   text,
    threshold      numeric NOT NULL CHECK (threshold > 0),
    window_seconds int CHECK (window_seconds IS NULL OR window_seconds BETWEEN 1 AND 86400),
    action         text NOT NULL DEFAULT 'HALTED' CHECK (action IN ('HALTED', 'REDUCING')),
    enabled        boolean NOT NULL DEFAULT true,
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_by     text NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, kind),
    CONSTRAINT circuit_breakers_account_by_scope CHECK ((scope = 'ACCOUNT') = (account_code IS NOT NULL)),
    CONSTRAINT circuit_breakers_window_by_kind CHECK ((kind = 'LOSS') = (window_seconds IS NULL))
);
-- The worker starts the evaluation of every tenant with an enabled breaker.
CREATE INDEX circuit_breakers_enabled_idx ON circuit_breakers (tenant_id) WHERE enabled;

-- Every trip: what was measured against which threshold, and the switch it engaged. Kept when the breaker is
-- deleted (it is part of the record of why trading stopped).
CREATE TABLE circuit_breaker_trips (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    kind           text NOT NULL,
    scope          text NOT NULL,
    scope_id       text NOT NULL,
    action         text NOT NULL,
    measured       numeric NOT NULL,
    threshold      numeric NOT NULL,
    window_seconds int,
    samples        bigint NOT NULL,
    detail         text,
    tripped_at     timestamptz NOT NULL
);
CREATE INDEX circuit_breaker_trips_tenant_kind_idx ON circuit_breaker_trips (tenant_id, kind, tripped_at DESC, id DESC);

-- REJECT_STORM counts the orders the broker rejected recently; REPEATED_EXECUTIONS the fills recorded recently.
CREATE INDEX orders_rejected_idx ON orders (tenant_id, updated_at) WHERE state = 'REJECTED';
CREATE INDEX executions_tenant_recorded_idx ON executions (tenant_id, recorded_at);
