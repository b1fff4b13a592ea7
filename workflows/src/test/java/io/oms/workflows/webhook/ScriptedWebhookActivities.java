package io.oms.workflows.webhook;

import io.oms.workflows.activities.AttemptOutcome;
import io.oms.workflows.activities.AttemptRequest;
import io.oms.workflows.activities.WebhookActivities;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Webhook activities with scripted outcomes, recording what the workflow asked for and when (test-server time). */
class ScriptedWebhookActivities implements WebhookActivities {
    /** An attempt as seen by the receiver: which delivery, its number, the test server's clock. */
    record Seen(UUID deliveryId, int attempt, long atMillis) {}

    /** A settle call. */
    record Settled(UUID deliveryId, DeliveryState state, String reason) {}

    final List<Seen> attempts = new CopyOnWriteArrayList<>();
    final List<Settled> settled = new CopyOnWriteArrayList<>();
    final List<Long> predecessorChecks = new CopyOnWriteArrayList<>();
    final Map<UUID, List<UUID>> successors = new ConcurrentHashMap<>();
    final Map<UUID, Boolean> settledInDb = new ConcurrentHashMap<>();
    private final Deque<Supplier<AttemptOutcome>> script = new ArrayDeque<>();
    private final TestWorkflowEnvironment env;

    ScriptedWebhookActivities(TestWorkflowEnvironment env) {
        this.env = env;
    }

    synchronized ScriptedWebhookActivities then(AttemptOutcome outcome) {
        script.add(() -> outcome);
        return this;
    }

    synchronized ScriptedWebhookActivities thenActivityFails() {
        script.add(() -> {
            throw ApplicationFailure.newNonRetryableFailure("database unavailable", "TEST");
        });
        return this;
    }

    @Override
    public boolean predecessorSettled(UUID predecessorId, String tenantId) {
        predecessorChecks.add(env.currentTimeMillis());
        return settledInDb.getOrDefault(predecessorId, false);
    }

    @Override
    public AttemptOutcome attempt(AttemptRequest request) {
        attempts.add(new Seen(request.deliveryId(), request.attempt(), env.currentTimeMillis()));
        Supplier<AttemptOutcome> next;
        synchronized (this) {
            next = script.size() > 1 ? script.poll() : script.peek();
        }
        return next == null ? AttemptOutcome.delivered(200) : next.get();
    }

    @Override
    public List<UUID> settle(UUID deliveryId, String tenantId, DeliveryState state, String reason) {
        settled.add(new Settled(deliveryId, state, reason));
        settledInDb.put(deliveryId, true);
        List<UUID> waiting = successors.getOrDefault(deliveryId, List.of());
        for (UUID successor : waiting) { // as the real activity does
            try {
                env.getWorkflowClient().newUntypedWorkflowStub(WebhookDeliveryContract.workflowId(successor))
                        .signal(WebhookDeliveryContract.SIGNAL_PREDECESSOR_SETTLED);
            } catch (io.temporal.client.WorkflowNotFoundException notRunning) {
                // checks the database when it starts
            }
        }
        return waiting;
    }
}
