package io.oms.infra.webhook;

import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database side of a redelivery: a settled delivery (DELIVERED or DEAD) goes back to PENDING and its dead letter,
 * if any, is stamped redelivered, in one transaction. The state change is conditional on the settled state, so of two
 * concurrent redeliveries only one passes. {@link #undo} puts both back when the workflow could not be started.
 */
@Repository
public class WebhookRedeliveries {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public WebhookRedeliveries(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What a reopening found: the state before, the attempts so far, and whether it was reopened. */
    public record Reopened(String before, int attempts, boolean reopened) {}

    /** Empty when the tenant has no such delivery; otherwise its state and whether it now is PENDING again. */
    public Optional<Reopened> reopen(String tenantId, UUID deliveryId, Instant now) {
        return tx.execute(status -> {
            Optional<Reopened> found = jdbc.sql("""
                            SELECT state, attempts FROM webhook_deliveries WHERE tenant_id = :tenantId AND id = :id FOR UPDATE""")
                    .param("tenantId", tenantId).param("id", deliveryId)
                    .query((rs, n) -> new Reopened(rs.getString("state"), rs.getInt("attempts"), false)).optional();
            if (found.isEmpty()) return found;
            int reopened = jdbc.sql("""
                            UPDATE webhook_deliveries SET state = 'PENDING', next_attempt_at = NULL, updated_at = :now
                            WHERE tenant_id = :tenantId AND id = :id AND state IN ('DELIVERED', 'DEAD')""")
                    .param("tenantId", tenantId).param("id", deliveryId).param("now", Timestamps.bind(now))
                    .update();
            if (reopened == 0) return found;
            jdbc.sql("""
                            UPDATE webhook_dead_letters SET redelivered_at = :now
                            WHERE tenant_id = :tenantId AND delivery_id = :id AND redelivered_at IS NULL""")
                    .param("tenantId", tenantId).param("id", deliveryId).param("now", Timestamps.bind(now))
                    .update();
            return Optional.of(new Reopened(found.get().before(), found.get().attempts(), true));
        });
    }

    /**
     * Puts a reopened delivery back as it was (the workflow did not start), unless something moved it on since: the
     * state only while it is still PENDING with the same attempts, the dead letter only with this reopening's stamp.
     */
    public void undo(String tenantId, UUID deliveryId, Reopened reopened, Instant stampedAt) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            UPDATE webhook_deliveries SET state = :before
                            WHERE tenant_id = :tenantId AND id = :id AND state = 'PENDING' AND attempts = :attempts""")
                    .param("tenantId", tenantId).param("id", deliveryId).param("before", reopened.before())
                    .param("attempts", reopened.attempts())
                    .update();
            jdbc.sql("""
                            UPDATE webhook_dead_letters SET redelivered_at = NULL
                            WHERE tenant_id = :tenantId AND delivery_id = :id AND redelivered_at = :stamp""")
                    .param("tenantId", tenantId).param("id", deliveryId).param("stamp", Timestamps.bind(stampedAt))
                    .update();
        });
    }
}
