package io.oms.workflows.order;

import io.oms.workflows.activities.BrokerActivities;
import io.oms.workflows.activities.CancelOrderCommand;
import io.oms.workflows.activities.CommissionRecord;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.LedgerActivities;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.activities.PlaceResult;
import io.oms.workflows.activities.StateChange;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import org.slf4j.Logger;

/**
 * The life of one order: record it, route it to IB, then apply IB's events until a terminal state,
 * and stay a little longer for commission reports that trail the last fill.
 */
public class OrderWorkflowImpl implements OrderWorkflow {
    /** How long a finished order waits for commission reports still owed for its executions. */
    static final Duration COMMISSION_GRACE = Duration.ofSeconds(30);
    /** How long a cancel update waits for IB to confirm before answering with the order as it stands. */
    static final Duration CANCEL_CONFIRM_WAIT = Duration.ofSeconds(10);

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private final OrderRequest request;
    private final OrderLifecycle order;
    private final Queue<BrokerEvent> inbox = new ArrayDeque<>();
    private final Map<String, ExecutionRecord> recordedExecutions = new HashMap<>();
    private final Map<String, BrokerCommission> unmatchedCommissions = new HashMap<>();
    private final LedgerActivities ledger;
    private final BrokerActivities broker;
    private boolean acknowledged;
    private CancelRequest cancelRequest;
    private boolean cancelSent;
    private long lastRecordedVersion = 1;

    @WorkflowInit
    public OrderWorkflowImpl(OrderRequest request) {
        this.request = request;
        this.order = new OrderLifecycle(request);
        this.ledger = Workflow.newLocalActivityStub(LedgerActivities.class, OrderActivityOptions.ledger());
        this.broker = Workflow.newActivityStub(BrokerActivities.class, OrderActivityOptions.broker(request.brokerConnection()));
    }

    @Override
    public OrderView run(OrderRequest ignored) {
        ledger.recordState(new StateChange(order.created(), "order.created", request.actor(), null));
        route();
        acknowledged = true;
        while (!order.state().isTerminal()) {
            Workflow.await(() -> !inbox.isEmpty() || (cancelRequest != null && !cancelSent));
            drainInbox();
            if (cancelRequest != null && !cancelSent && !order.state().isTerminal()) {
                sendCancel();
            }
        }
        awaitOwedCommissions();
        Workflow.await(Workflow::isEveryHandlerFinished);
        return order.view();
    }

    private void route() {
        PlaceResult result;
        try {
            result = broker.placeOrder(new PlaceOrderCommand(request.workflowId(), request.account(), request.symbol(),
                    request.side(), request.type(), request.quantity(), request.limitPrice(), request.stopPrice(),
                    request.trailAmount(), request.trailPercent(), request.timeInForce(), request.expireAt(),
                    request.outsideRth()));
        } catch (ActivityFailure failure) {
            if (failure.getCause() instanceof ApplicationFailure app
                    && ErrorCode.BROKER_UNAVAILABLE.name().equals(app.getType())) {
                apply(order.rejected(ErrorCode.BROKER_UNAVAILABLE.name() + ": " + app.getOriginalMessage(), now()), "broker");
                return;
            }
            // A placement whose outcome is unknown is not a rejection: the order stays NEW and IB's events,
            // if it ever reached IB, still find it by orderRef.
            log.warn("placement outcome unknown for {}: {}", request.workflowId(), failure.getMessage());
            return;
        }
        order.brokerIds(result.brokerOrderId(), result.permId());
        if (result.wasRejected()) {
            apply(order.rejected(result.rejectCode() + ": " + result.rejectReason(), now()), "broker");
        } else {
            // Any acknowledgement means IB has the order; a status that already says more (cancelled, inactive)
            // is applied as such, and one that says nothing new for the state (a fast "Filled") still routes it.
            Transition acknowledged = order.brokerStatus(result.status(), null, now());
            apply(acknowledged.kind() == Transition.Kind.NONE ? order.routed(now()) : acknowledged, "broker");
        }
    }

    private void sendCancel() {
        cancelSent = true;
        Integer brokerOrderId = order.view().brokerOrderId();
        if (brokerOrderId == null) {
            return;
        }
        try {
            broker.cancelOrder(new CancelOrderCommand(request.workflowId(), brokerOrderId));
        } catch (ActivityFailure failure) {
            log.warn("cancel of {} not sent: {}", request.workflowId(), failure.getMessage());
            cancelSent = false;
            cancelRequest = null;
        }
    }

    private void drainInbox() {
        while (!inbox.isEmpty()) {
            BrokerEvent event = inbox.poll();
            if (event.fill() != null) {
                applyFill(event.fill());
            } else if (event.status() != null) {
                order.brokerIds(event.status().brokerOrderId(), event.status().permId());
                apply(order.brokerStatus(event.status().status(), event.status().whyHeld(), now()), "broker");
            } else if (event.error() != null) {
                apply(order.brokerError(event.error().code(), event.error().message(), now()), "broker");
            } else if (event.commission() != null) {
                applyCommission(event.commission());
            }
        }
    }

    private void applyFill(BrokerFill fill) {
        if (!order.isNewExecution(fill.execId())) {
            return;
        }
        ExecutionRecord execution = new ExecutionRecord(request.tenantId(), request.orderId(), request.account(),
                request.symbol(), fill.side(), fill.execId(), fill.quantity(), fill.price(), fill.exchange(),
                fill.brokerOrderId(), fill.permId(), fill.executedAt());
        // The execution and the state it leads to are written together, in one transaction.
        ledger.recordFill(execution, changeFor(order.fill(fill.quantity(), fill.price(), now()), "broker"));
        recordedExecutions.put(fill.execId(), execution);
        BrokerCommission early = unmatchedCommissions.remove(fill.execId());
        if (early != null) {
            applyCommission(early);
        }
    }

    private void applyCommission(BrokerCommission commission) {
        if (!recordedExecutions.containsKey(commission.execId())) {
            unmatchedCommissions.put(commission.execId(), commission);
            return;
        }
        ledger.recordCommission(new CommissionRecord(request.tenantId(), request.account(), commission.execId(),
                commission.commission(), commission.currency()));
        recordedExecutions.remove(commission.execId());
    }

    /** IB may report a commission well after the last fill; wait a bounded time for the ones still owed. */
    private void awaitOwedCommissions() {
        long deadline = Workflow.currentTimeMillis() + COMMISSION_GRACE.toMillis();
        while (!commissionsComplete()) {
            long left = deadline - Workflow.currentTimeMillis();
            if (left <= 0 || !Workflow.await(Duration.ofMillis(left), () -> !inbox.isEmpty())) {
                return;
            }
            drainInbox();
        }
    }

    private boolean commissionsComplete() {
        return recordedExecutions.isEmpty();
    }

    private void apply(Transition transition, String actor) {
        StateChange change = changeFor(transition, actor);
        if (change != null) {
            ledger.recordState(change);
        }
    }

    /** The ledger record a transition calls for: none when nothing changed, and refused moves are logged. */
    private StateChange changeFor(Transition transition, String actor) {
        StateChange change = switch (transition.kind()) {
            case APPLIED -> new StateChange(transition.view(), transition.action(), actor, null);
            case REFUSED -> {
                log.warn("refused illegal transition {} -> {} for {}", transition.refusedFrom(),
                        transition.refusedTo(), request.workflowId());
                // A fill is a fact even when the state cannot move: its quantities are still recorded.
                yield transition.view().version() > lastRecordedVersion
                        ? new StateChange(transition.view(), "order.fill_after_terminal", actor,
                                "illegal transition " + transition.refusedFrom() + " -> " + transition.refusedTo())
                        : null;
            }
            case NONE -> null;
        };
        if (transition.view() != null) {
            lastRecordedVersion = Math.max(lastRecordedVersion, transition.view().version());
        }
        return change;
    }

    private Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    @Override
    public OrderView submit() {
        Workflow.await(() -> acknowledged);
        return order.view();
    }

    @Override
    public OrderView cancel(CancelRequest cancel) {
        if (cancelRequest == null) {
            cancelRequest = cancel;
            ledger.recordState(new StateChange(order.view(), "order.cancel_requested", cancel.actor(), cancel.reason()));
        }
        Workflow.await(CANCEL_CONFIRM_WAIT, () -> order.state().isTerminal());
        return order.view();
    }

    @Override
    public void validateCancel(CancelRequest cancel) {
        OrderState state = order.state();
        if (state.isTerminal()) {
            // A validator's rejection reaches the caller as a WorkflowUpdateException, which the API maps to
            // STATE_CONFLICT; nothing is written to the workflow's history.
            throw new IllegalStateException("order is " + state + " and can no longer be canceled");
        }
    }

    @Override
    public void onBrokerEvents(BrokerEvents events) {
        inbox.addAll(events.events());
    }

    @Override
    public OrderView state() {
        return order.view();
    }
}
