package io.oms.api.webhooks;

import io.oms.api.error.ApiException;
import io.oms.infra.config.ApiRole;
import io.oms.infra.config.WebhookProperties;
import io.oms.infra.webhook.WebhookRedeliveries;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.webhook.DeliveryInput;
import io.oms.workflows.webhook.WebhookDeliveryClient;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Redelivery of a settled delivery: back to PENDING with its dead letter stamped (one transaction, conditional on
 * the settled state), then its workflow {@code webhook/{id}} started again, numbering attempts on from those made.
 * When the workflow cannot be started the row is put back as it was, so a retry of the request can pass.
 */
@ApiRole
@Service
public class WebhookRedelivery {
    private final WebhookRedeliveries redeliveries;
    private final WorkflowClient client;
    private final WebhookProperties properties;
    private final Clock clock = Clock.systemUTC();

    public WebhookRedelivery(WebhookRedeliveries redeliveries, WorkflowClient client, WebhookProperties properties) {
        this.redeliveries = redeliveries;
        this.client = client;
        this.properties = properties;
    }

    /** 404 for no such delivery of the tenant; 409 unless it is DELIVERED or DEAD (then nothing changes). */
    public void redeliver(String tenantId, UUID deliveryId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WebhookRedeliveries.Reopened reopened = redeliveries.reopen(tenantId, deliveryId, now)
                .orElseThrow(() -> ApiException.notFound("webhook delivery"));
        if (!reopened.reopened()) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "delivery " + deliveryId + " is " + reopened.before()
                    + "; only a DELIVERED or DEAD one can be redelivered", List.of(),
                    "wait until it settles: GET /api/v1/webhook-deliveries/" + deliveryId);
        }
        boolean started;
        try {
            started = WebhookDeliveryClient.startRedelivery(client, DeliveryInput.redelivery(deliveryId, tenantId,
                    reopened.attempts(), properties.retrySchedule()));
        } catch (RuntimeException e) {
            redeliveries.undo(tenantId, deliveryId, reopened, now);
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the workflow service is unavailable", List.of(),
                    "retry; the delivery is unchanged");
        }
        if (!started) {
            // Its previous run settled the row but has not closed yet (it is signalling its successor).
            redeliveries.undo(tenantId, deliveryId, reopened, now);
            throw new ApiException(ErrorCode.STATE_CONFLICT, "delivery " + deliveryId
                    + " is still finishing its previous run", List.of(), "retry in a few seconds");
        }
    }
}
