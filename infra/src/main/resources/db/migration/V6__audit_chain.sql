-- The audit log becomes a hash chain per tenant (ADR 6), and the outbox relay gets its bookkeeping columns.
--
-- Each audit record holds its tenant's sequence number, the previous record's hash and its own hash:
--   hash = hex(sha256(utf8(prev_hash || '|' || audit_canonical(...))))
-- over the stored column values (jsonb and timestamptz rendered as PostgreSQL stores them), so the chain can
-- be recomputed from the rows alone; io.oms.infra.audit.AuditCanonical is the same function in Java and the
-- verifier uses that one. The first record of a tenant links to 64 zeros.
--
-- A BEFORE INSERT trigger does the chaining, so every writer of audit_log is chained whatever its SQL. It locks
-- the tenant's row in audit_chain_heads until the inserting transaction ends, so one tenant's appends are
-- serialised and the chain cannot fork; it also drops a replay of an existing (tenant, resource, version,
-- action) itself, before the head moves, because ON CONFLICT DO NOTHING is only checked after BEFORE triggers.

CREATE TABLE audit_chain_heads (
    tenant_id text PRIMARY KEY,
    seq       bigint NOT NULL,
    hash      text NOT NULL
);

ALTER TABLE audit_log ADD COLUMN seq bigint;
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;

-- One field of the canonical text: '~' for null, otherwise its length in UTF-8 bytes, ':' and the text, so no
-- two different records share a canonical text whatever their contents.
CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END
$$;

CREATE FUNCTION audit_canonical(tenant_id text, seq bigint, at timestamptz, actor text, action text,
                                resource_type text, resource_id text, resource_version bigint, before jsonb,
                                after jsonb, detail text, ip text, user_agent text)
    RETURNS text LANGUAGE sql STABLE AS $$
    SELECT 'v1'
        || '|' || audit_field(tenant_id)
        || '|' || audit_field(seq::text)
        || '|' || audit_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || '|' || audit_field(actor)
        || '|' || audit_field(action)
        || '|' || audit_field(resource_type)
        || '|' || audit_field(resource_id)
        || '|' || audit_field(resource_version::text)
        || '|' || audit_field(before::text)
        || '|' || audit_field(after::text)
        || '|' || audit_field(detail)
        || '|' || audit_field(ip)
        || '|' || audit_field(user_agent)
$$;

CREATE FUNCTION audit_link_hash(prev_hash text, canonical text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(prev_hash || '|' || canonical, 'UTF8')), 'hex')
$$;

-- Existing records get a chain too, in id order (UUIDv7: the order they were written in).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete;
DO $$
DECLARE
    r         record;
    cur       text := NULL;
    prev      text;
    n         bigint;
    canonical text;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY tenant_id, id LOOP
        IF cur IS DISTINCT FROM r.tenant_id THEN
            cur := r.tenant_id;
            prev := repeat('0', 64);
            n := 0;
        END IF;
        n := n + 1;
        canonical := audit_canonical(r.tenant_id, n, r.at, r.actor, r.action, r.resource_type, r.resource_id,
                                     r.resource_version, r.before, r.after, r.detail, r.ip, r.user_agent);
        UPDATE audit_log SET seq = n, prev_hash = prev, hash = audit_link_hash(prev, canonical) WHERE id = r.id;
        prev := audit_link_hash(prev, canonical);
        INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (cur, n, prev)
        ON CONFLICT (tenant_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
    END LOOP;
END;
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete;

ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_tenant_seq_key UNIQUE (tenant_id, seq);

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_seq  bigint;
    head_hash text;
BEGIN
    INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (NEW.tenant_id, 0, repeat('0', 64))
    ON CONFLICT (tenant_id) DO NOTHING;
    SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_heads WHERE tenant_id = NEW.tenant_id FOR UPDATE;
    -- Under the head lock a replay is certain to see the record it repeats (a new snapshot per statement).
    IF NEW.resource_version IS NOT NULL AND EXISTS (
            SELECT 1 FROM audit_log
            WHERE tenant_id = NEW.tenant_id AND resource_type = NEW.resource_type AND resource_id = NEW.resource_id
              AND resource_version = NEW.resource_version AND action = NEW.action) THEN
        RETURN NULL;
    END IF;
    NEW.seq := head_seq + 1;
    NEW.prev_hash := head_hash;
    NEW.hash := audit_link_hash(head_hash, audit_canonical(NEW.tenant_id, NEW.seq, NEW.at, NEW.actor, NEW.action,
            NEW.resource_type, NEW.resource_id, NEW.resource_version, NEW.before, NEW.after, NEW.detail, NEW.ip,
            NEW.user_agent));
    UPDATE audit_chain_heads SET seq = NEW.seq, hash = NEW.hash WHERE tenant_id = NEW.tenant_id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_chain
    BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- The relay's bookkeeping: failed deliveries are retried, never dropped; the last error is kept for operators.
ALTER TABLE outbox_events ADD COLUMN publish_attempts int NOT NULL DEFAULT 0;
ALTER TABLE outbox_events ADD COLUMN last_error text;
