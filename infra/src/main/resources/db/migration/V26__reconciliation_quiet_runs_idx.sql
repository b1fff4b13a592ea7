-- Quiet periodic runs (an open-order or position check that found, repaired and left nothing) are the bulk of
-- reconciliation_runs: about 8,640 a day per account. They are deleted after oms.reconciliation.quiet-run-retention;
-- this index lets each account's pruning read only its expired quiet runs.
CREATE INDEX reconciliation_runs_quiet_idx ON reconciliation_runs (tenant_id, account_code, finished_at)
    WHERE scope <> 'FULL' AND status = 'SUCCEEDED' AND findings = 0 AND repairs = 0 AND discrepancies = 0;
