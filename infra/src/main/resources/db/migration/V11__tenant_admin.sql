-- Tenant administration: tenants can be deactivated (soft delete: orders, executions and the audit chain keep
-- referring to them), API keys get an owner whose current role bounds them and a cheap last-used mark, and
-- tenant admins invite people by email with a one-time token (stored hashed).

ALTER TABLE tenants ADD COLUMN deactivated_at timestamptz;

ALTER TABLE api_keys
    ADD COLUMN owner_user_id uuid REFERENCES users (id),
    ADD COLUMN last_used_at  timestamptz;              -- written at most once a minute per key
CREATE INDEX api_keys_owner_idx ON api_keys (tenant_id, owner_user_id);

CREATE TABLE invites (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    email       text NOT NULL,                         -- stored lowercased
    role        text NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'TRADER', 'VIEWER')),
    token_hash  text NOT NULL UNIQUE,                  -- sha-256 hex of the token, never the token itself
    created_by  text NOT NULL,                         -- the inviting principal's actor name
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid REFERENCES users (id),
    revoked_at  timestamptz,
    CONSTRAINT invites_email_lowercase CHECK (email = lower(email))
);
CREATE INDEX invites_tenant_idx ON invites (tenant_id, created_at DESC);
