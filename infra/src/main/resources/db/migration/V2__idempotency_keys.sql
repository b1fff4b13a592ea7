-- Idempotency-Key of creating POSTs: the first answer per (tenant, key), replayed for the same request.
-- status and response stay null while the first request is still being answered.
CREATE TABLE idempotency_keys (
    tenant_id    text NOT NULL REFERENCES tenants (id),
    idem_key     text NOT NULL,
    request_hash text NOT NULL,
    status       int,
    response     text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, idem_key)
);

CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
