package io.oms.workflows.activities;

import io.oms.workflows.webhook.DeliveryState;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;
import java.util.UUID;

/**
 * The side effects of a webhook delivery: whether its predecessor settled, one signed HTTP attempt (recorded), and
 * settling it (DELIVERED, or DEAD into the dead-letter table). All filtered by tenant; each idempotent. The workflow
 * runs {@code predecessorSettled} and {@code settle} as local activities.
 */
@ActivityInterface
public interface WebhookActivities {

    /** True when the delivery is DELIVERED or DEAD (or unknown: nothing to wait for). */
    @ActivityMethod(name = "webhookPredecessorSettled")
    boolean predecessorSettled(UUID predecessorId, String tenantId);

    /** Checks the target, signs, POSTs, records the attempt row and returns the outcome. */
    @ActivityMethod(name = "webhookAttempt")
    AttemptOutcome attempt(AttemptRequest request);

    /**
     * Moves the delivery to {@code state} (DELIVERED or DEAD; DEAD also upserts its dead letter and audits), then
     * signals {@code predecessorSettled} to the deliveries waiting behind it (normally at most one; one not running
     * is skipped: it checks the database when it starts) and returns them.
     */
    @ActivityMethod(name = "webhookSettle")
    List<UUID> settle(UUID deliveryId, String tenantId, DeliveryState state, String reason);
}
