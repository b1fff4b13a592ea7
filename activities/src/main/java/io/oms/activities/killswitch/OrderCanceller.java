package io.oms.activities.killswitch;

import io.oms.workflows.order.CancelRequest;
import io.oms.workflows.order.OrderView;
import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateStage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends order workflows their cancel update, the same update {@code POST /api/v1/orders/{id}/cancel} sends, waiting
 * only until each workflow accepted it (the sweep verifies the outcome). At most {@link #PARALLEL} at a time.
 */
@Component
public class OrderCanceller {
    static final int PARALLEL = 32;
    private static final Logger log = LoggerFactory.getLogger(OrderCanceller.class);

    private final WorkflowClient client;

    public OrderCanceller(WorkflowClient client) {
        this.client = client;
    }

    /** Returns how many workflows accepted the cancel (a refused one is finished or has a cancel under way). */
    public int cancelAll(List<String> workflowIds, String actor, String reason) {
        int accepted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, Math.max(1, workflowIds.size())),
                Thread.ofVirtual().name("killswitch-cancel-", 0).factory())) {
            List<Future<Boolean>> sent = new ArrayList<>(workflowIds.size());
            for (String id : workflowIds) {
                sent.add(pool.submit(() -> cancel(id, actor, reason)));
            }
            for (Future<Boolean> f : sent) {
                if (f.get()) accepted++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending cancels", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cancels not sent", e.getCause());
        }
        return accepted;
    }

    private boolean cancel(String workflowId, String actor, String reason) {
        try {
            client.newUntypedWorkflowStub(workflowId).startUpdate(OrderWorkflowContract.UPDATE_CANCEL,
                    WorkflowUpdateStage.ACCEPTED, OrderView.class, new CancelRequest(actor, reason));
            return true;
        } catch (RuntimeException e) {
            // Refused (already finished, or no longer there): the sweep's next listing shows whether it is still live.
            log.debug("cancel of {} not accepted: {}", workflowId, e.toString());
            return false;
        }
    }
}
