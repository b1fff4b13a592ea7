-- Keyset pagination of GET /api/v1/orders sorted by created_at (either direction), the id breaking ties.
CREATE INDEX orders_tenant_created_idx ON orders (tenant_id, created_at, id);
