package io.oms.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.infra.persistence.UnmatchedBrokerEventRepository;
import io.oms.workflows.order.BrokerEvent;
import io.oms.workflows.order.BrokerEvents;
import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers broker events to order workflows, one {@code brokerEvents} signal per batch of an order's
 * waiting events, and keeps what cannot be delivered (no such order, or the order already closed) in
 * {@code unmatched_broker_events} for reconciliation.
 */
public final class WorkflowSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkflowSignals.class);
    private static final int ATTEMPTS = 5;
    /** The event kind of a terminal status learnt from IB's completed orders during a re-sync. */
    static final String COMPLETED_ORDER = "completedOrder";

    /** An event with what reconciliation needs to know about it should it go undelivered. */
    record Routed(BrokerEvent event, String kind, Integer orderId, String execId) {}

    private final String connection;
    private final WorkflowClient client;
    private final UnmatchedBrokerEventRepository unmatched;
    private final BatchingLanes<Routed> lanes;
    private final ExecutorService keeper;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    public WorkflowSignals(String connection, WorkflowClient client, UnmatchedBrokerEventRepository unmatched, int lanes) {
        this.connection = connection;
        this.client = client;
        this.unmatched = unmatched;
        this.lanes = new BatchingLanes<>(connection + "-signal", lanes, this::deliver);
        this.keeper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, connection + "-unmatched");
            t.setDaemon(true);
            return t;
        });
    }

    void send(String workflowId, Routed routed) {
        lanes.submit(workflowId, routed);
    }

    private void deliver(String workflowId, List<Routed> batch) {
        BrokerEvents events = new BrokerEvents(batch.stream().map(Routed::event).toList());
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                client.newUntypedWorkflowStub(workflowId).signal(OrderWorkflowContract.SIGNAL_BROKER_EVENTS, events);
                return;
            } catch (WorkflowNotFoundException closed) {
                // The order has finished (or never existed here): late events are reconciliation input, except a
                // re-synced completion, which only repeats that the order is finished.
                batch.stream().filter(r -> !COMPLETED_ORDER.equals(r.kind()))
                        .forEach(r -> keep(r.kind(), workflowId, r.orderId(), r.execId(), r.event()));
                return;
            } catch (RuntimeException e) {
                log.warn("signal to {} failed (attempt {}/{}): {}", workflowId, attempt, ATTEMPTS, e.toString());
                sleep(100L << attempt);
            }
        }
        batch.forEach(r -> keep(r.kind(), workflowId, r.orderId(), r.execId(), r.event()));
    }

    /** Keeps an event no order claims, off the caller's thread. */
    void keepUnmatched(String kind, String orderRef, Integer orderId, String execId, Object payload) {
        keeper.execute(() -> keep(kind, orderRef, orderId, execId, payload));
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
        lanes.close();
        keeper.shutdown();
        try {
            keeper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
