-- The audit chain is built off the writers' path (ADR 6, amended). The V6 insert trigger locked the tenant's chain
-- head until the inserting transaction committed, so every ledger transaction of a tenant queued behind the
-- previous one's commit (16 clients: 64 -> 18 orders/s). Now rows are inserted unchained (seq, prev_hash and hash
-- NULL, no lock) and the chainer (io.oms.infra.audit.AuditChainer) links them shortly after, with the same
-- canonical form and hash, via audit_chain_tenant below.
--
-- A replay of an existing (tenant, resource, version, action) is still dropped: without a BEFORE trigger that
-- returns NULL, the writers' INSERT ... ON CONFLICT DO NOTHING on audit_log_idempotency_key does it.

DROP TRIGGER audit_log_chain ON audit_log;
DROP FUNCTION audit_log_chain();

ALTER TABLE audit_log ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;

-- The chainer's work queue, and the listing's order (newest written first, UUIDv7).
CREATE INDEX audit_log_unchained_idx ON audit_log (tenant_id, id) WHERE seq IS NULL;
CREATE INDEX audit_log_tenant_id_idx ON audit_log (tenant_id, id);

-- Append-only, with one exception: the chainer sets the chain columns of a row that has none yet, all three at
-- once, and every other column stays as it was (compared generically, so a column added later is covered too).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
            AND OLD.seq IS NULL AND OLD.prev_hash IS NULL AND OLD.hash IS NULL
            AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
            AND to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash' = to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

-- Links up to max_rows of the tenant's unchained rows, in id order, after its head; returns how many. The head
-- row is locked for the rest of the caller's transaction, so two callers for one tenant take turns and the second
-- sees the first's links (each statement of a READ COMMITTED transaction takes a new snapshot): no seq is given
-- twice, and UNIQUE (tenant_id, seq) would refuse it anyway. A row that commits after rows with higher ids were
-- linked gets the next seq when it is seen: the chain is in the order the chainer saw the rows.
CREATE FUNCTION audit_chain_tenant(p_tenant text, max_rows int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    head_seq  bigint;
    head_hash text;
    link      text;
    r         record;
    n         int := 0;
BEGIN
    INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (p_tenant, 0, repeat('0', 64))
    ON CONFLICT (tenant_id) DO NOTHING;
    SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_heads WHERE tenant_id = p_tenant FOR UPDATE;
    FOR r IN SELECT * FROM audit_log WHERE tenant_id = p_tenant AND seq IS NULL ORDER BY id LIMIT max_rows LOOP
        head_seq := head_seq + 1;
        link := audit_link_hash(head_hash, audit_canonical(r.tenant_id, head_seq, r.at, r.actor, r.action,
                r.resource_type, r.resource_id, r.resource_version, r.before, r.after, r.detail, r.ip, r.user_agent));
        UPDATE audit_log SET seq = head_seq, prev_hash = head_hash, hash = link WHERE id = r.id AND seq IS NULL;
        head_hash := link;
        n := n + 1;
    END LOOP;
    IF n > 0 THEN
        UPDATE audit_chain_heads SET seq = head_seq, hash = head_hash WHERE tenant_id = p_tenant;
    END IF;
    RETURN n;
END;
$$;
