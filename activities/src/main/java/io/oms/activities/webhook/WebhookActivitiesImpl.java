package io.oms.activities.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.oms.infra.config.WebhookProperties;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.webhook.AttemptRecord;
import io.oms.infra.webhook.DeliveryLedger;
import io.oms.infra.webhook.DeliveryTarget;
import io.oms.infra.webhook.OutboundTargetPolicy;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import io.oms.infra.webhook.WebhookSettingsRepository;
import io.oms.workflows.activities.AttemptOutcome;
import io.oms.workflows.activities.AttemptRequest;
import io.oms.workflows.activities.WebhookActivities;
import io.oms.workflows.webhook.DeliveryState;
import io.oms.workflows.webhook.RetryWaits;
import io.oms.workflows.webhook.WebhookDeliveryContract;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook delivery's activities on the worker: load, check the target, sign, POST, record; settle. Metrics:
 * {@code oms.webhooks.attempts{outcome}} per attempt and {@code oms.webhooks.delivery.latency}, the time from the
 * event's creation to the receiver's 2xx (the event-to-delivery lag).
 */
@Component
public class WebhookActivitiesImpl implements WebhookActivities {
    static final String ATTEMPTS_METRIC = "oms.webhooks.attempts";
    static final String LATENCY_METRIC = "oms.webhooks.delivery.latency";
    static final String AUDIT_ACTION = "webhook.dead_lettered";
    static final String RESOURCE_TYPE = "webhook_delivery";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeliveryLedger ledger;
    private final WebhookEndpointRepository endpoints;
    private final WebhookSettingsRepository settings;
    private final WebhookSecrets secrets;
    private final AuditRepository audit;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final WebhookSender sender;
    private final WorkflowClient client;
    private final Clock clock = Clock.systemUTC();

    public WebhookActivitiesImpl(DeliveryLedger ledger, WebhookEndpointRepository endpoints, WebhookSettingsRepository settings,
                                 WebhookSecrets secrets, AuditRepository audit, TransactionTemplate tx, MeterRegistry meters,
                                 WebhookProperties properties, WorkflowClient client) {
        this.client = client;
        this.ledger = ledger;
        this.endpoints = endpoints;
        this.settings = settings;
        this.secrets = secrets;
        this.audit = audit;
        this.tx = tx;
        this.meters = meters;
        this.sender = new WebhookSender(properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public boolean predecessorSettled(UUID predecessorId, String tenantId) {
        return ledger.settled(tenantId, predecessorId);
    }

    @Override
    public AttemptOutcome attempt(AttemptRequest request) {
        Instant started = clock.instant();
        Optional<DeliveryTarget> found = ledger.target(request.tenantId(), request.deliveryId());
        if (found.isEmpty()) {
            return count(AttemptOutcome.failed(null, "DELIVERY_NOT_FOUND")); // nothing to record it against
        }
        DeliveryTarget target = found.get();
        var endpoint = endpoints.findForDelivery(request.tenantId(), target.endpointId());
        if (endpoint.isEmpty() || endpoint.get().deleted()) {
            return refuse(request, started, "ENDPOINT_DELETED");
        }
        WebhookEndpoint e = endpoint.get().endpoint();
        if (!e.active()) {
            return refuse(request, started, "ENDPOINT_INACTIVE");
        }
        URI url;
        try {
            url = URI.create(e.url());
        } catch (IllegalArgumentException bad) {
            return refuse(request, started, "TARGET_REFUSED: is not a valid URL");
        }
        Optional<String> refusal = OutboundTargetPolicy.refuseResolved(url, settings.allowPrivateTargets(request.tenantId()));
        if (refusal.isPresent()) {
            return refuse(request, started, "TARGET_REFUSED: " + refusal.get());
        }
        ledger.markDelivering(request.tenantId(), request.deliveryId(), request.attempt(), started);

        byte[] body = target.payloadJson().getBytes(StandardCharsets.UTF_8);
        long timestamp = started.getEpochSecond();
        String messageId = target.eventId().toString();
        String signature = StandardWebhooks.signatureHeader(WebhookEndpointRepository.signingSecrets(e, secrets, started),
                messageId, timestamp, body);
        HttpAttempt http = sender.post(url, Map.of(StandardWebhooks.HEADER_ID, messageId,
                StandardWebhooks.HEADER_TIMESTAMP, Long.toString(timestamp),
                StandardWebhooks.HEADER_SIGNATURE, signature), body, WebhookActivitiesImpl::heartbeat);
        Instant now = clock.instant();
        AttemptOutcome outcome = http.answered() ? ResponseClassifier.classify(http.status(), http.retryAfter(), now)
                : AttemptOutcome.retry(null, null, http.networkError());
        record(request, new AttemptRecord(request.deliveryId(), request.tenantId(), request.attempt(), started,
                (int) Math.min(Integer.MAX_VALUE, http.latencyMs()), outcome.statusCode(), outcome.kind().name(),
                outcome.kind() == AttemptOutcome.Kind.DELIVERED ? null : outcome.reason(), http.excerpt()), outcome, now);
        if (outcome.kind() == AttemptOutcome.Kind.DELIVERED && target.eventCreatedAt() != null) {
            Timer.builder(LATENCY_METRIC).description("event creation to the receiver's 2xx").register(meters)
                    .record(Duration.between(target.eventCreatedAt(), now));
        }
        return count(outcome);
    }

    /** A permanent refusal before any request went out, recorded as the attempt. */
    private AttemptOutcome refuse(AttemptRequest request, Instant started, String reason) {
        AttemptOutcome outcome = AttemptOutcome.failed(null, truncate(reason));
        record(request, new AttemptRecord(request.deliveryId(), request.tenantId(), request.attempt(), started, null, null,
                outcome.kind().name(), outcome.reason(), null), outcome, started);
        return count(outcome);
    }

    private void record(AttemptRequest request, AttemptRecord row, AttemptOutcome outcome, Instant now) {
        Instant next = outcome.kind() == AttemptOutcome.Kind.RETRY && request.plannedWait() != null
                ? now.plus(RetryWaits.effective(request.plannedWait(), outcome.retryAfter())) : null;
        ledger.recordAttempt(new AttemptRecord(row.deliveryId(), row.tenantId(), row.attempt(), row.startedAt(),
                row.latencyMs(), row.statusCode(), row.outcome(), truncate(row.error()),
                StoredText.of(row.responseExcerpt(), WebhookSender.EXCERPT_BYTES)), next, now);
    }

    @Override
    public List<UUID> settle(UUID deliveryId, String tenantId, DeliveryState state, String reason) {
        Instant now = clock.instant();
        List<UUID> successors = tx.execute(status -> {
            if (state == DeliveryState.DELIVERED) {
                ledger.markDelivered(tenantId, deliveryId, now);
            } else if (state == DeliveryState.DEAD) {
                ledger.markDead(tenantId, deliveryId, truncate(reason), now).ifPresent(this::auditDeath);
            } else {
                throw new IllegalArgumentException("a delivery settles DELIVERED or DEAD, not " + state);
            }
            return ledger.successors(tenantId, deliveryId);
        });
        // After the commit, so a successor woken by the signal finds its predecessor settled.
        successors.forEach(this::wake);
        return successors;
    }

    /** Tells a waiting successor to go; one not running (not started yet, or closed) checks the database itself. */
    private void wake(UUID successor) {
        try {
            client.newUntypedWorkflowStub(WebhookDeliveryContract.workflowId(successor))
                    .signal(WebhookDeliveryContract.SIGNAL_PREDECESSOR_SETTLED);
        } catch (WorkflowNotFoundException notRunning) {
            // nothing to wake
        }
    }

    /** Resource version = the attempts so far: a retried settle writes no second row, a later death does. */
    private void auditDeath(DeliveryLedger.DeadLetter d) {
        ObjectNode after = JSON.createObjectNode();
        after.put("deliveryId", d.deliveryId().toString());
        after.put("endpointId", d.endpointId().toString());
        after.put("eventType", d.eventType());
        after.put("state", DeliveryState.DEAD.name());
        after.put("reason", d.reason());
        after.put("attempts", d.attempts());
        if (d.lastStatusCode() == null) after.putNull("lastStatusCode"); else after.put("lastStatusCode", d.lastStatusCode());
        audit.append(new AuditRecord(d.tenantId(), d.deadAt(), WebhookDeliveryContract.ACTOR, AUDIT_ACTION, RESOURCE_TYPE,
                d.deliveryId().toString(), (long) d.attempts(), null, after.toString(), d.reason(), null, null));
    }

    private AttemptOutcome count(AttemptOutcome outcome) {
        Counter.builder(ATTEMPTS_METRIC).tag("outcome", outcome.kind().name()).register(meters).increment();
        return outcome;
    }

    private static void heartbeat() {
        Activity.getExecutionContext().heartbeat(null);
    }

    private static String truncate(String s) {
        return StoredText.of(s, StoredText.MAX_ERROR);
    }
}
