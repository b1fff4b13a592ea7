package io.oms.workflows.webhook;

import java.time.Duration;
import java.util.UUID;

/**
 * The webhook delivery's contract: one workflow per (event, subscribed endpoint), id {@code webhook/{deliveryId}},
 * that POSTs the signed event until the endpoint answers 2xx, waiting between attempts on durable timers, and
 * dead-letters it after the last attempt or a permanent refusal. Deliveries of one endpoint that share an ordering
 * key (the event's aggregate, e.g. one order) go out in outbox order: each waits until its predecessor settled
 * (delivered or dead) and then signals its successor.
 */
public final class WebhookDeliveryContract {
    public static final String WORKFLOW_TYPE = "WebhookDelivery";
    /** Deliveries and their HTTP activities have their own queue, so slow receivers never hold up order work. */
    public static final String TASK_QUEUE = "webhooks";
    /** The predecessor delivery settled (delivered or dead): this one may go. */
    public static final String SIGNAL_PREDECESSOR_SETTLED = "predecessorSettled";
    public static final String QUERY_STATUS = "status";

    /** Who delivery state changes name in the audit log. */
    public static final String ACTOR = "system:webhooks";

    /** Each wait is stretched or shrunk by up to this fraction, so failed deliveries do not retry in lockstep. */
    public static final double JITTER = 0.2;
    /** A waiting delivery looks at its predecessor again this often, in case the settled signal was lost. */
    public static final Duration PREDECESSOR_RECHECK = Duration.ofSeconds(30);

    private static final String PREFIX = "webhook/";

    private WebhookDeliveryContract() {}

    public static String workflowId(UUID deliveryId) {
        return PREFIX + deliveryId;
    }
}
