package io.oms.infra.outbox;

import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.persistence.OutboxRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events in id order. Each pass is one transaction holding a PostgreSQL advisory
 * lock, so across all processes one relay publishes at a time and batches follow each other in id order; one
 * aggregate's events are committed in id order by their single writer, so they are published in that order.
 * A delivery that fails stops the pass there: the events before it are marked published, it and the rest are
 * offered again by a later pass. An event is marked only after it was handed over, so a crash between the two
 * publishes it again (at least once).
 */
public final class OutboxRelay {
    /** The advisory lock key of the relay ("oms-outbox" in ASCII, truncated to 8 bytes). */
    public static final long LOCK_KEY = 0x6f6d732d6f757462L;
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final OutboxRepository outbox;
    private final EventPublisher publisher;
    private final int batchSize;
    private final Clock clock;

    public OutboxRelay(TransactionTemplate tx, JdbcClient jdbc, OutboxRepository outbox, EventPublisher publisher,
                       int batchSize, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        this.tx = tx;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /** One pass: at most one batch, only while holding the relay lock. */
    public RelayBatch runOnce() {
        return tx.execute(status -> {
            Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", LOCK_KEY)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(locked)) {
                return RelayBatch.LOCKED_ELSEWHERE;
            }
            List<OutboxEvent> batch = outbox.unpublished(batchSize);
            List<Long> delivered = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                try {
                    publisher.publish(event);
                } catch (RuntimeException e) {
                    log.warn("delivery of event {} ({} of {} {}) failed, will retry: {}", event.eventId(),
                            event.eventType(), event.aggregateType(), event.aggregateId(), e.toString());
                    outbox.markPublished(delivered, clock.instant());
                    outbox.recordFailure(event.id(), truncate(e.toString()));
                    return new RelayBatch(true, delivered.size(), true, false);
                }
                delivered.add(event.id());
            }
            outbox.markPublished(delivered, clock.instant());
            return new RelayBatch(true, delivered.size(), false, batch.size() == batchSize);
        });
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
