package io.oms.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.infra.persistence.UnmatchedBrokerEventRepository;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers broker events to order workflows, and keeps what cannot be delivered (no such order, or the
 * order already closed) in {@code unmatched_broker_events} for reconciliation.
 */
public final class WorkflowSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkflowSignals.class);
    private static final int ATTEMPTS = 5;

    private final String connection;
    private final WorkflowClient client;
    private final UnmatchedBrokerEventRepository unmatched;
    private final SignalDispatcher dispatcher;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public WorkflowSignals(String connection, WorkflowClient client, UnmatchedBrokerEventRepository unmatched, int lanes) {
        this.connection = connection;
        this.client = client;
        this.unmatched = unmatched;
        this.dispatcher = new SignalDispatcher(connection, lanes);
    }

    void send(String workflowId, String signal, Object payload, String kind, Integer orderId, String execId) {
        dispatcher.submit(workflowId, () -> deliver(workflowId, signal, payload, kind, orderId, execId));
    }

    private void deliver(String workflowId, String signal, Object payload, String kind, Integer orderId, String execId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                client.newUntypedWorkflowStub(workflowId).signal(signal, payload);
                return;
            } catch (WorkflowNotFoundException closed) {
                // The order has finished (or never existed here): a late event is reconciliation input.
                keep(kind, workflowId, orderId, execId, payload);
                return;
            } catch (RuntimeException e) {
                log.warn("signal {} to {} failed (attempt {}/{}): {}", signal, workflowId, attempt, ATTEMPTS, e.toString());
                sleep(100L << attempt);
            }
        }
        keep(kind, workflowId, orderId, execId, payload);
    }

    void keepUnmatched(String kind, String orderRef, Integer orderId, String execId, Object payload) {
        dispatcher.submit(orderRef == null ? kind : orderRef, () -> keep(kind, orderRef, orderId, execId, payload));
    }

    private void keep(String kind, String orderRef, Integer orderId, String execId, Object payload) {
        try {
            unmatched.record(connection, kind, orderRef, orderId, execId, json.writeValueAsString(payload));
        } catch (Exception e) {
            log.error("could not keep unmatched {} for {}: {}", kind, orderRef, e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
