-- Domain events (order.*, position.updated, pnl.snapshot.created) written in the same transaction as the
-- change they describe, and published afterwards by the relay. id orders the events: one aggregate's
-- events are written by one writer at a time (its workflow), so their id order is their commit order.
CREATE TABLE outbox_events (
    id             bigserial PRIMARY KEY,
    event_id       uuid NOT NULL UNIQUE,
    tenant_id      text NOT NULL,
    aggregate_type text NOT NULL,
    aggregate_id   text NOT NULL,
    event_type     text NOT NULL,
    payload        jsonb NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz
);
CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL;
CREATE INDEX outbox_events_tenant_idx ON outbox_events (tenant_id, id);
CREATE INDEX outbox_events_aggregate_idx ON outbox_events (tenant_id, aggregate_type, aggregate_id, id);
