-- Login, lockout, sessions, refresh tokens, unlock tokens and the JWT signing keys (users and memberships: V9).

-- Consecutive failed logins and the lock they caused; a successful login resets both.
ALTER TABLE users ADD COLUMN failed_logins int NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until timestamptz;

-- Access-token signing keys. A key signs from created_at until sign_until, and verifies until verify_until
-- (sign_until + the access-token lifetime + skew), so every token it signed expires before it is dropped.
-- The private half is sealed (envelope encryption, context "jwt-signing-key:<kid>"); the public half is a JWK.
CREATE TABLE signing_keys (
    kid                text PRIMARY KEY,
    algorithm          text NOT NULL,
    public_jwk         text NOT NULL,
    private_key_sealed text NOT NULL,
    created_at         timestamptz NOT NULL,
    sign_until         timestamptz NOT NULL,
    verify_until       timestamptz NOT NULL
);
CREATE INDEX signing_keys_verify_until_idx ON signing_keys (verify_until);

-- A login in one tenant: every refresh token of the same family (rotation chain) belongs to one session;
-- revoking the session ends its refresh tokens and, within the revocation cache window, its access tokens.
CREATE TABLE sessions (
    id             uuid PRIMARY KEY,
    user_id        uuid NOT NULL REFERENCES users (id),
    tenant_id      text NOT NULL REFERENCES tenants (id),
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text
);
CREATE INDEX sessions_user_idx ON sessions (user_id, tenant_id);

-- Refresh tokens: only the SHA-256 of the opaque token is stored. used_at is set when the token is exchanged;
-- presenting a used token again is reuse and revokes its session.
CREATE TABLE refresh_tokens (
    token_hash text PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES sessions (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- Single-use account-unlock tokens (hash only).
CREATE TABLE unlock_tokens (
    token_hash text PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX unlock_tokens_user_idx ON unlock_tokens (user_id);
