package io.oms.server.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An order's Temporal work with nothing behind it, for {@code oms bench temporal}: the same update-with-start,
 * workflow tasks, local activities (created, risk, routed, fill, commission), broker activity and broker-events
 * signal as a market order that fills at once ({@code OrderWorkflowImpl}), but every activity returns at once
 * and the payloads are short strings. What it costs is what Temporal alone costs an order.
 */
final class FloorOrder {
    static final String TASK_QUEUE = "bench-temporal-floor";

    private FloorOrder() {}

    @WorkflowInterface
    public interface Flow {
        @WorkflowMethod
        String run(String order);

        @UpdateMethod
        String submit();

        @SignalMethod
        void brokerEvents(List<String> events);
    }

    @ActivityInterface
    public interface Ledger {
        String record(String change);
    }

    @ActivityInterface
    public interface Broker {
        String place(String order);
    }

    public static final class FlowImpl implements Flow {
        private final Ledger ledger = Workflow.newLocalActivityStub(Ledger.class,
                LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private final Broker broker = Workflow.newActivityStub(Broker.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build());
        private final Queue<String> inbox = new ArrayDeque<>();
        private boolean acknowledged;

        @Override
        public String run(String order) {
            ledger.record("created " + order);
            ledger.record("risk " + order);
            broker.place(order);
            ledger.record("routed " + order);
            acknowledged = true;
            Workflow.await(() -> !inbox.isEmpty());
            ledger.record("fill " + inbox.poll());
            ledger.record("commission " + order);
            Workflow.await(Workflow::isEveryHandlerFinished);
            return "FILLED";
        }

        @Override
        public String submit() {
            Workflow.await(() -> acknowledged);
            return "ROUTED";
        }

        @Override
        public void brokerEvents(List<String> events) {
            inbox.addAll(events);
        }
    }

    /** The ledger's last write of an order counts it finished. */
    static final class LedgerImpl implements Ledger {
        final AtomicInteger finished = new AtomicInteger();

        @Override
        public String record(String change) {
            if (change.startsWith("commission ")) {
                finished.incrementAndGet();
            }
            return change;
        }
    }

    static final class BrokerImpl implements Broker {
        @Override
        public String place(String order) {
            return "ack " + order;
        }
    }
}
