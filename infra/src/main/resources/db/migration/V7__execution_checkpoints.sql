-- Position checkpoints on executions, so an out-of-order fill or a correction refolds only the suffix of its
-- position from the last checkpoint before it instead of every execution the position ever had.
--
-- For an effective execution, the state of its position (tenant, account, symbol) right after it in the
-- canonical fold (PositionMath over the effective executions in executed_at, exec_id order):
--   position_qty_after  the signed quantity (negative = short)
--   avg_cost_after      the weighted average cost of that quantity (0 when flat)
--   realized_after      the cumulative realized P&L of the position up to and including this execution
-- All three are NULL for a superseded execution and for executions recorded before this migration: the ledger
-- then folds the position from the start once, which writes every checkpoint. Commissions are not
-- checkpointed: the position keeps them as a running sum of its effective executions' commissions.
--
-- No new index: executions_effective_position_idx (V5: tenant_id, account, symbol, executed_at, exec_id WHERE
-- superseded_by IS NULL) already serves both "effective executions of a position from a key on" and, scanned
-- backwards, "the last effective execution before a key".
ALTER TABLE executions
    ADD COLUMN position_qty_after numeric,
    ADD COLUMN avg_cost_after     numeric,
    ADD COLUMN realized_after     numeric;
