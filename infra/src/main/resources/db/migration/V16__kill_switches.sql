-- Kill switches (issue 6): the current state of each switch, written by its workflow (the source of truth)
-- through an activity, read by the order gate (cached for at most a second) and by GET /api/v1/kill-switches.
-- The global switch is filed under tenant '_system', which is nobody's tenant (hence no foreign key).
-- version is the switch's transition count: a retried activity never writes an older state over a newer one.
CREATE TABLE kill_switches (
    tenant_id   text NOT NULL,
    scope       text NOT NULL CHECK (scope IN ('GLOBAL', 'TENANT', 'ACCOUNT', 'STRATEGY')),
    scope_id    text NOT NULL,
    state       text NOT NULL CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    reason_code text,
    reason      text,
    actor       text,
    changed_at  timestamptz NOT NULL,
    version     bigint NOT NULL,
    PRIMARY KEY (tenant_id, scope, scope_id)
);
CREATE INDEX kill_switches_engaged_idx ON kill_switches (tenant_id) WHERE state <> 'ACTIVE';

-- The live orders of a scope, listed by every engagement's sweep (all tenants for the global switch).
CREATE INDEX orders_live_idx ON orders (tenant_id, account)
    WHERE state IN ('NEW', 'ROUTED', 'PARTIALLY_FILLED', 'PENDING_MODIFY', 'PENDING_CANCEL');
