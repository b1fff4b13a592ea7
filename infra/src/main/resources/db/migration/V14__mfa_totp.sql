-- Second factor: one TOTP secret per user (pending until the first valid code confirms it) and the user's
-- single-use recovery codes. A user's MFA is the same in every tenant they belong to, so neither table has a
-- tenant_id: every statement is keyed by the signed-in user's own id.

CREATE TABLE user_totp (
    user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_sealed  text NOT NULL,        -- SecretSealer envelope, context 'totp:<user id>'; never the base32 secret
    created_at     timestamptz NOT NULL DEFAULT now(),
    confirmed_at   timestamptz,          -- null = pending: not yet asked at login
    last_used_step bigint,               -- the 30-second step of the last accepted code: that code and older are refused
    failed_attempts int NOT NULL DEFAULT 0, -- wrong codes in a row since the last success or lock
    locked_until   timestamptz           -- too many wrong codes: every code is refused until then
);

CREATE TABLE user_recovery_codes (
    id         uuid PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  text NOT NULL,            -- salted PBKDF2 (Spring Security Pbkdf2PasswordEncoder), never the code
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz               -- set once, by the one verification that used it
);
CREATE INDEX user_recovery_codes_unused_idx ON user_recovery_codes (user_id) WHERE used_at IS NULL;
