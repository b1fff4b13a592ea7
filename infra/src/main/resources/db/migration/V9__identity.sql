-- Identity core: users and their memberships in tenants. Sessions, refresh tokens, signing keys, MFA,
-- invites and API-key ownership come in their own migrations on top of these two tables.

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text NOT NULL,                  -- stored lowercased
    display_name  text,
    password_hash text NOT NULL,                  -- adaptive hash with its own parameters ({argon2}..., {bcrypt}...)
    system_admin  boolean NOT NULL DEFAULT false, -- may administer tenants (scope system:admin)
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz,
    CONSTRAINT users_email_lowercase CHECK (email = lower(email))
);
CREATE UNIQUE INDEX users_email_idx ON users (email);

CREATE TABLE memberships (
    tenant_id  text NOT NULL REFERENCES tenants (id),
    user_id    uuid NOT NULL REFERENCES users (id),
    role       text NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'TRADER', 'VIEWER')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);
