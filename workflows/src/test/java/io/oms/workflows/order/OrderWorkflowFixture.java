package io.oms.workflows.order;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh Temporal test server for each test, running the order workflow (or a subclass) on the oms queue with a
 * recording ledger and risk checks (passing unless told otherwise), and a recording broker on the simulator's
 * broker queue. Register it with
 * {@code @RegisterExtension}; the test keeps the fakes to steer and inspect them.
 */
final class OrderWorkflowFixture implements BeforeEachCallback, AfterEachCallback {
    private final Class<? extends OrderWorkflowImpl> workflow;
    private final FakeActivities.Ledger ledger;
    private final FakeActivities.Broker broker;
    private final FakeActivities.Risk risk;
    private TestWorkflowEnvironment env;

    OrderWorkflowFixture(Class<? extends OrderWorkflowImpl> workflow, FakeActivities.Ledger ledger,
            FakeActivities.Broker broker) {
        this(workflow, ledger, broker, new FakeActivities.Risk());
    }

    OrderWorkflowFixture(Class<? extends OrderWorkflowImpl> workflow, FakeActivities.Ledger ledger,
            FakeActivities.Broker broker, FakeActivities.Risk risk) {
        this.workflow = workflow;
        this.ledger = ledger;
        this.broker = broker;
        this.risk = risk;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        env = TestWorkflowEnvironment.newInstance();
        Worker oms = env.newWorker(OrderWorkflowContract.TASK_QUEUE);
        oms.registerWorkflowImplementationTypes(workflow);
        oms.registerActivitiesImplementations(ledger, risk);
        env.newWorker(OrderWorkflowContract.brokerTaskQueue("sim")).registerActivitiesImplementations(broker);
        env.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        env.close();
    }

    WorkflowClient client() {
        return env.getWorkflowClient();
    }

    /** The test server's clock, which skips ahead while a test waits on a workflow. */
    Instant now() {
        return Instant.ofEpochMilli(env.currentTimeMillis());
    }

    /** Submits the order and returns a stub to signal and update it. */
    OrderWorkflow submitted(OrderRequest request) {
        OrderSubmission.submit(client(), request);
        return OrderSubmission.existing(client(), request.workflowId());
    }

    /** Waits for the order's workflow to complete and returns its final view. */
    OrderView result(OrderRequest request) {
        return client().newUntypedWorkflowStub(request.workflowId()).getResult(OrderView.class);
    }
}
