package io.oms.infra.temporal;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether workers keep workflows cached and ask for their tasks on a worker-private ("sticky") queue.
 *
 * <p>A real Temporal server moves a task off the sticky queue of a worker that stopped polling after a few
 * seconds. The Java test server never does: a worker killed without a graceful shutdown strands its cached
 * workflows for good. So {@code auto} turns sticky execution off against a test server in another process
 * (recognised by its empty server version), where every workflow task then replays the workflow's history,
 * which is short for an order. It stays on against a real cluster, and against a test server embedded in
 * this very process: that server dies with the worker, so no sticky queue can outlive its poller.
 */
public final class StickyExecution {
    private static final Logger log = LoggerFactory.getLogger(StickyExecution.class);

    private StickyExecution() {}

    /** The sticky queue's schedule-to-start timeout for worker options: zero means sticky execution is off. */
    public static Duration scheduleToStartTimeout(String setting, boolean serverInProcess, WorkflowServiceStubs stubs) {
        boolean sticky = switch (setting) {
            case "on" -> true;
            case "off" -> false;
            default -> serverInProcess || isRealServer(stubs);
        };
        log.info("sticky workflow execution {} (setting {})", sticky ? "on" : "off", setting);
        return sticky ? Duration.ofSeconds(5) : Duration.ZERO;
    }

    private static boolean isRealServer(WorkflowServiceStubs stubs) {
        try {
            String version = stubs.blockingStub().withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion();
            return !version.isBlank();
        } catch (RuntimeException e) {
            log.warn("could not ask Temporal what it is ({}); keeping sticky execution on", e.toString());
            return true;
        }
    }
}
