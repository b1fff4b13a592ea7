-- Issue 8: outbound webhooks (endpoints, one delivery per event and subscribed endpoint, its attempts, the
-- dead letters), inbound webhooks (sources and the message ids already taken, for replay prevention), and the
-- index the live event stream resumes by.

-- Per-tenant webhook policy. Outbound calls to loopback, private, link-local and other non-public addresses are
-- refused unless the tenant's administrator allowed them here (tests and on-premises receivers need it).
CREATE TABLE tenant_webhook_settings (
    tenant_id             text PRIMARY KEY REFERENCES tenants (id),
    allow_private_targets boolean NOT NULL DEFAULT false,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_endpoints (
    id                         uuid PRIMARY KEY,
    tenant_id                  text NOT NULL REFERENCES tenants (id),
    url                        text NOT NULL,
    description                text,
    event_types                text[] NOT NULL,        -- domain event types, or '*' for every event
    active                     boolean NOT NULL DEFAULT true,
    secret_sealed              text NOT NULL,          -- SecretSealer text, context 'webhook-endpoint:<id>'
    previous_secret_sealed     text,                   -- still signs until previous_secret_expires_at (rotation)
    previous_secret_expires_at timestamptz,
    version                    integer NOT NULL DEFAULT 1,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    deleted_at                 timestamptz,
    CHECK (cardinality(event_types) > 0),
    CHECK ((previous_secret_sealed IS NULL) = (previous_secret_expires_at IS NULL))
);
CREATE INDEX webhook_endpoints_tenant_idx ON webhook_endpoints (tenant_id, id) WHERE deleted_at IS NULL;

-- One row per (event, subscribed endpoint); its workflow is webhook/{id}. Deliveries sharing endpoint and
-- ordering_key (the event's aggregate) go out in outbox order: each waits for its predecessor to settle.
CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,                 -- UUIDv7: newest last
    tenant_id        text NOT NULL,
    endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id),
    event_id         uuid NOT NULL,
    outbox_id        bigint NOT NULL,
    event_type       text NOT NULL,
    ordering_key     text NOT NULL,
    predecessor_id   uuid REFERENCES webhook_deliveries (id),
    state            text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DELIVERING', 'DELIVERED', 'DEAD')),
    attempts         integer NOT NULL DEFAULT 0,
    last_status_code integer,
    last_error       text,
    next_attempt_at  timestamptz,
    dispatched_at    timestamptz,                      -- its workflow was started; null: the dispatcher still must
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (tenant_id, endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_lane_idx ON webhook_deliveries (endpoint_id, ordering_key, outbox_id DESC);
CREATE INDEX webhook_deliveries_successor_idx ON webhook_deliveries (predecessor_id) WHERE predecessor_id IS NOT NULL;
CREATE INDEX webhook_deliveries_undispatched_idx ON webhook_deliveries (created_at) WHERE dispatched_at IS NULL;

-- Every HTTP attempt of a delivery, numbered from 1 across redeliveries.
CREATE TABLE webhook_attempts (
    delivery_id      uuid NOT NULL REFERENCES webhook_deliveries (id),
    attempt          integer NOT NULL CHECK (attempt > 0),
    tenant_id        text NOT NULL,
    started_at       timestamptz NOT NULL,
    latency_ms       integer,
    status_code      integer,
    outcome          text NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRY', 'FAILED')),
    error            text,
    response_excerpt text,
    PRIMARY KEY (delivery_id, attempt)
);

-- Deliveries that ran out of attempts or met a permanent refusal. A redelivery stamps redelivered_at; a delivery
-- that dies again is stamped anew.
CREATE TABLE webhook_dead_letters (
    delivery_id      uuid PRIMARY KEY REFERENCES webhook_deliveries (id),
    tenant_id        text NOT NULL,
    endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id),
    event_type       text NOT NULL,
    reason           text NOT NULL,
    attempts         integer NOT NULL,
    last_status_code integer,
    dead_at          timestamptz NOT NULL,
    redelivered_at   timestamptz
);
CREATE INDEX webhook_dead_letters_tenant_idx ON webhook_dead_letters (tenant_id, dead_at DESC) WHERE redelivered_at IS NULL;

-- Inbound: senders the tenant trusts, each with its own Standard Webhooks secret.
CREATE TABLE webhook_inbound_sources (
    id            uuid PRIMARY KEY,                    -- the {source} of POST /api/v1/webhooks/inbound/{source}
    tenant_id     text NOT NULL REFERENCES tenants (id),
    name          text NOT NULL,
    secret_sealed text NOT NULL,                       -- context 'webhook-inbound:<id>'
    created_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz
);
CREATE UNIQUE INDEX webhook_inbound_sources_name_idx ON webhook_inbound_sources (tenant_id, name) WHERE deleted_at IS NULL;

-- Messages accepted from a source; the primary key refuses a replayed webhook-id.
CREATE TABLE webhook_inbound_messages (
    source_id   uuid NOT NULL REFERENCES webhook_inbound_sources (id),
    webhook_id  text NOT NULL,
    tenant_id   text NOT NULL,
    signed_at   timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    payload     text NOT NULL,
    PRIMARY KEY (source_id, webhook_id)
);
CREATE INDEX webhook_inbound_messages_tenant_idx ON webhook_inbound_messages (tenant_id, received_at DESC);

-- The event stream resumes in publication order: the relay stamps one published_at per pass, in id order.
CREATE INDEX outbox_events_tenant_published_idx ON outbox_events (tenant_id, published_at, id) WHERE published_at IS NOT NULL;
