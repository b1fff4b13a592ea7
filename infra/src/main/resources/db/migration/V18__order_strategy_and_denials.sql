-- Issue 6: who and what an order is for (strategy and user limits, strategy kill switches), and why the risk
-- engine denied it (the machine reasons with their numbers; reject_reason keeps the sentence for people).
ALTER TABLE orders
    ADD COLUMN strategy     text CHECK (strategy IS NULL OR strategy ~ '^[A-Za-z0-9_.:-]{1,64}$'),
    ADD COLUMN placed_by    text,
    ADD COLUMN risk_denials jsonb;

CREATE INDEX orders_tenant_strategy_created ON orders (tenant_id, strategy, created_at) WHERE strategy IS NOT NULL;
