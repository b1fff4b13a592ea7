package io.oms.infra.identity;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a session is revoked, as seen by access-token verification: answered from memory and re-read from
 * the database at most once per {@code ttl} per session, so an authenticated request costs no query most of
 * the time. A revocation made in this process is seen at once; one made in another process within {@code ttl}
 * (the documented bound). A revoked session never becomes valid again, so "revoked" is cached for good.
 */
public class SessionRevocations {
    /** Bounds memory: past this many cached sessions the cache starts over (costing one query per session). */
    private static final int MAX_ENTRIES = 100_000;

    private record Entry(boolean revoked, long checkedAtNanos) {}

    private final JdbcClient jdbc;
    private final long ttlNanos;
    private final ConcurrentHashMap<UUID, Entry> cache = new ConcurrentHashMap<>();

    public SessionRevocations(JdbcClient jdbc, Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    public boolean isRevoked(UUID sessionId) {
        long now = System.nanoTime();
        Entry entry = cache.get(sessionId);
        if (entry != null && (entry.revoked() || now - entry.checkedAtNanos() < ttlNanos)) return entry.revoked();
        // An unknown session counts as revoked: a token naming it cannot be honoured.
        boolean revoked = jdbc.sql("SELECT revoked_at IS NOT NULL FROM sessions WHERE id = :id")
                .param("id", sessionId).query(Boolean.class).optional().orElse(true);
        if (cache.size() >= MAX_ENTRIES) cache.clear();
        cache.put(sessionId, new Entry(revoked, now));
        return revoked;
    }

    /** Records a revocation made by this process, effective at once here. */
    public void revoked(UUID sessionId) {
        cache.put(sessionId, new Entry(true, System.nanoTime()));
    }
}
