-- Protection of the API per tenant: optional IP allowlists and optional rate-limit overrides.

-- A tenant with no rows here accepts requests from any address; with rows, only from these networks.
CREATE TABLE tenant_ip_allowlist (
    tenant_id  text NOT NULL REFERENCES tenants (id),
    cidr       cidr NOT NULL,                 -- IPv4 or IPv6 network, host bits zero (the type enforces it)
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, cidr)
);

-- Operators may give a tenant another token bucket than the configured default (set by SQL, no endpoint:
-- a tenant must not raise its own limit). Every API key and user of the tenant gets a bucket of this shape.
CREATE TABLE tenant_rate_limits (
    tenant_id         text PRIMARY KEY REFERENCES tenants (id),
    capacity          int NOT NULL CHECK (capacity BETWEEN 1 AND 1000000),
    refill_per_second int NOT NULL CHECK (refill_per_second BETWEEN 1 AND 1000000),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- IB login credentials per tenant and broker account, for a gateway login. The password is stored only sealed by
-- envelope encryption (SecretSealer: its own AES-256-GCM data key, wrapped by the master key named in the text,
-- bound to this tenant and account); the username is not a secret and is shown back.
CREATE TABLE broker_credentials (
    tenant_id       text NOT NULL REFERENCES tenants (id),
    account_code    text NOT NULL REFERENCES broker_accounts (account_code),
    username        text NOT NULL,
    password_sealed text NOT NULL,
    master_key_id   text NOT NULL,            -- which master key wrapped the data key (for rotation)
    updated_by      text NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, account_code)
);
