package io.oms.workflows.order;

import io.oms.workflows.activities.BrokerActivities;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.LedgerActivities;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.activities.PlaceResult;
import io.oms.workflows.activities.StateChange;
import io.oms.workflows.domain.DomainEvents;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskDenial;
import io.oms.workflows.risk.RiskDenials;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.slf4j.Logger;

/**
 * The life of one order: record it, check it, route it to IB, then apply IB's events, the user's cancel and
 * modify requests and its expiry until a terminal state, and stay a little longer for commission reports that
 * trail the last fill. The main loop is the only writer of the order (handlers hand their requests to it and
 * wait), so ledger versions are written in order.
 *
 * <p>Versioning: {@link #LIFECYCLE_CHANGE} guards everything that came after the first release (pending
 * states, modify, expiry, DENIED, corrections, continue-as-new); histories without its marker replay on the
 * first release's rules ({@link OrderLifecycle}'s {@code pendingStates} false). {@link RiskGate#CHANGE} guards
 * the risk checks (before routing, before a modify, after a partial fill).
 */
public class OrderWorkflowImpl implements OrderWorkflow {
    /** How long a finished order waits for commission reports still owed for its executions. */
    static final Duration COMMISSION_GRACE = Duration.ofSeconds(30);
    /** How long a cancel update waits for IB to confirm before answering with the order as it stands. */
    static final Duration CANCEL_CONFIRM_WAIT = Duration.ofSeconds(10);
    /** How long a modify update waits for IB's answer before answering with the order PENDING_MODIFY. */
    static final Duration MODIFY_CONFIRM_WAIT = Duration.ofSeconds(10);
    /** Continue as new past this many history events (well under Temporal's 10,240-event warning). */
    static final int HISTORY_LIMIT = 5_000;
    static final String LIFECYCLE_CHANGE = "order-lifecycle-2";
    /** A placement IB never saw (BROKER_NO_ACK) rejects the order; before it, such an order stayed NEW. */
    static final String INFLIGHT_CHECK = "order-inflight-check-1";
    static final String EXPIRY_ACTOR = Cancels.EXPIRY_ACTOR;

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    private final OrderRequest request;
    private final OrderContinuation continued;
    private final OrderLifecycle order;
    private final Queue<BrokerEvent> inbox = new ArrayDeque<>();
    private final Commissions commissions;
    private final LedgerActivities ledger;
    private final BrokerActivities broker;
    private final RiskGate risk;
    private boolean current;
    private boolean acknowledged;
    private long lastRecordedVersion = 1;
    private final Modifies modifies = new Modifies();
    private final Cancels cancels = new Cancels(log);

    @WorkflowInit
    public OrderWorkflowImpl(OrderRequest request, OrderContinuation continued) {
        this.request = request;
        this.continued = continued;
        this.ledger = Workflow.newLocalActivityStub(LedgerActivities.class, OrderActivityOptions.ledger());
        this.broker = Workflow.newActivityStub(BrokerActivities.class, OrderActivityOptions.broker(request.brokerConnection()),
                OrderActivityOptions.brokerMethods(request.brokerConnection()));
        this.commissions = new Commissions(ledger, request);
        this.risk = new RiskGate(request, log);
        if (continued == null) {
            this.order = new OrderLifecycle(request);
        } else {
            this.order = new OrderLifecycle(continued.lifecycle());
            this.current = true;
            this.acknowledged = true;
            inbox.addAll(continued.inbox());
            commissions.carriedOver(continued.commissionsOwed(), continued.unmatchedCommissions());
            cancels.carriedOver(continued.cancelRequest(), continued.cancelSent(), continued.expiryHandled());
            lastRecordedVersion = continued.lastRecordedVersion();
        }
    }

    /** Past this many history events the run continues as new; a subclass in tests lowers it. */
    protected int historyLimit() {
        return HISTORY_LIMIT;
    }

    @Override
    public OrderView run(OrderRequest ignored, OrderContinuation alsoIgnored) {
        current = Workflow.getVersion(LIFECYCLE_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
        if (!current) {
            return runFirstRelease();
        }
        if (continued == null) {
            order.applyCurrentRules();
            ledger.recordState(new StateChange(order.created(), "order.created", request.actor(), null));
            Optional<String> denial = preRouteDenial();
            if (denial.isPresent()) {
                apply(order.denied(denial.get(), now()), "oms");
            } else {
                List<RiskDenial> riskDenials = risk.check(RiskCheckKind.NEW_ORDER, OrderTerms.of(order.view()),
                        order.view().quantity());
                if (riskDenials.isEmpty()) {
                    route();
                } else {
                    apply(order.deniedByRisk(riskDenials, now()), DomainEvents.RISK_ACTOR);
                }
            }
            acknowledged = true;
        }
        while (!order.state().isTerminal()) {
            awaitWork();
            drainInbox();
            modifies.step(this);
            cancels.step(this, modifies.busy());
            if (!order.state().isTerminal() && continueAsNewDue() && quiet()) {
                Workflow.continueAsNew(request, carry());
            }
        }
        // A modify IB still owes an answer to, or one asked as the order ended, gets its outcome before the end.
        while (modifies.busy() || modifies.hasWork()) {
            Workflow.await(modifies::hasWork);
            modifies.step(this);
        }
        awaitOwedCommissions();
        Workflow.await(Workflow::isEveryHandlerFinished);
        return order.view();
    }

    /** The in-workflow checks before anything is sent to IB (the risk engine's come after them). */
    private Optional<String> preRouteDenial() {
        return PreRouteChecks.denial(order.view(), order.expiresAt(), now());
    }

    /** The first release's loop, kept as it was so that its histories replay. */
    private OrderView runFirstRelease() {
        ledger.recordState(new StateChange(order.created(), "order.created", request.actor(), null));
        route();
        acknowledged = true;
        while (!order.state().isTerminal()) {
            Workflow.await(() -> !inbox.isEmpty() || cancels.unsent());
            drainInbox();
            if (cancels.unsent() && !order.state().isTerminal()) {
                cancels.send(this, false);
            }
        }
        awaitOwedCommissions();
        Workflow.await(Workflow::isEveryHandlerFinished);
        return order.view();
    }

    /** Sleeps until there is something to do, or until the order's expiry time. */
    private void awaitWork() {
        Instant expiry = cancels.expiryHandled() ? null : order.expiresAt();
        if (expiry != null && !now().isBefore(expiry)) {
            if (!modifies.busy()) {
                return; // due now
            }
            expiry = null; // due, but a modify is at IB: its answer comes first (hasWork wakes for it)
        }
        if (expiry != null) {
            Workflow.await(Duration.between(now(), expiry), this::hasWork);
        } else {
            Workflow.await(this::hasWork);
        }
    }

    private boolean hasWork() {
        // Requests that wait for a modify's answer are no work until it comes (else the loop would spin).
        return !inbox.isEmpty() || modifies.hasWork()
                || cancels.hasWork(modifies.busy(), order.view().brokerOrderId() != null)
                || (continueAsNewDue() && quiet());
    }

    private void route() {
        PlaceResult result;
        try {
            result = broker.placeOrder(placeCommand(OrderTerms.of(order.view())));
        } catch (ActivityFailure failure) {
            if (failure.getCause() instanceof ApplicationFailure app
                    && ErrorCode.BROKER_UNAVAILABLE.name().equals(app.getType())) {
                apply(order.rejected(ErrorCode.BROKER_UNAVAILABLE.name() + ": " + app.getOriginalMessage(), now()), "broker");
                return;
            }
            // IB never acknowledged the order and has nothing under its orderRef: it never saw it. Asked only on
            // this path, which no history before the change took, so those replay as they were.
            if (failure.getCause() instanceof ApplicationFailure app
                    && ErrorCode.BROKER_NO_ACK.name().equals(app.getType())
                    && Workflow.getVersion(INFLIGHT_CHECK, Workflow.DEFAULT_VERSION, 1) >= 1) {
                apply(order.rejected(ErrorCode.BROKER_NO_ACK.name() + ": " + app.getOriginalMessage(), now()), "broker");
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

    /** The order as IB should work it with {@code terms}. */
    PlaceOrderCommand placeCommand(OrderTerms terms) {
        OrderView v = order.view();
        return new PlaceOrderCommand(request.workflowId(), request.account(), request.symbol(), request.side(),
                request.type(), terms.quantity(), terms.limitPrice(), terms.stopPrice(), request.trailAmount(),
                request.trailPercent(), terms.timeInForce(), v.expireAt(), request.outsideRth());
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
                commissions.offer(event.commission());
            }
            if (current) {
                cancels.brokerEventApplied(order.state());
            }
        }
    }

    private void applyFill(BrokerFill fill) {
        Transition transition;
        if (!current) {
            if (!order.isNewExecution(fill.execId())) {
                return;
            }
            transition = order.fill(fill.quantity(), fill.price(), now());
        } else {
            FillBook.Offer offer = order.offer(fill.execId(), fill.quantity(), fill.price());
            if (offer == FillBook.Offer.DUPLICATE || offer == FillBook.Offer.STALE) {
                return;
            }
            transition = order.filled(offer == FillBook.Offer.CORRECTION, now());
        }
        ExecutionRecord execution = new ExecutionRecord(request.tenantId(), request.orderId(), request.account(),
                request.symbol(), fill.side(), fill.execId(), fill.quantity(), fill.price(), fill.exchange(),
                fill.brokerOrderId(), fill.permId(), fill.executedAt());
        // The execution and the state it leads to are written together, in one transaction.
        ledger.recordFill(execution, changeFor(transition, "broker"));
        commissions.executionRecorded(execution);
        if (current && order.state() == OrderState.PARTIALLY_FILLED && !cancels.inProgress()) {
            checkRest();
        }
    }

    /** A partial fill moved the position: the rest must still fit the limits, else it is cancelled. */
    private void checkRest() {
        OrderView v = order.view();
        List<RiskDenial> denials = risk.check(RiskCheckKind.IN_FLIGHT, OrderTerms.of(v), v.remainingQuantity());
        if (!denials.isEmpty()) {
            order.riskBreached(denials);
            cancels.ask(new CancelRequest(DomainEvents.RISK_ACTOR, RiskDenials.summary(denials)));
        }
    }

    /** The risk check of a modify's new terms, before they are sent to IB (none in older histories). */
    List<RiskDenial> modifyDenials(OrderTerms next) {
        return risk.check(RiskCheckKind.MODIFY, next, next.quantity());
    }

    /** IB may report a commission well after the last fill; wait a bounded time for the ones still owed. */
    private void awaitOwedCommissions() {
        long deadline = Workflow.currentTimeMillis() + COMMISSION_GRACE.toMillis();
        while (!commissions.allPaid()) {
            long left = deadline - Workflow.currentTimeMillis();
            if (left <= 0 || !Workflow.await(Duration.ofMillis(left), () -> !inbox.isEmpty())) {
                return;
            }
            drainInbox();
        }
    }

    private boolean continueAsNewDue() {
        return Workflow.getInfo().isContinueAsNewSuggested() || Workflow.getInfo().getHistoryLength() > historyLimit();
    }

    /** Nothing in flight that a new run could not pick up: no handler running, no modify at IB, nothing unread. */
    private boolean quiet() {
        return Workflow.isEveryHandlerFinished() && !modifies.busy() && !modifies.hasWork() && !cancels.asked()
                && inbox.isEmpty();
    }

    private OrderContinuation carry() {
        return new OrderContinuation(order.carry(), new ArrayList<>(inbox), commissions.owed(),
                commissions.unmatched(), cancels.request(), cancels.sent(), cancels.expiryHandled(), lastRecordedVersion,
                continued == null ? 1 : continued.run() + 1);
    }

    void apply(Transition transition, String actor) {
        StateChange change = changeFor(transition, actor);
        if (change != null) {
            ledger.recordState(change);
        }
    }

    /** The ledger record a transition calls for: none when nothing changed, and refused moves are logged. */
    private StateChange changeFor(Transition transition, String actor) {
        StateChange change = switch (transition.kind()) {
            case APPLIED -> new StateChange(transition.view(), transition.action(), actor, transition.detail());
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

    Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    OrderLifecycle order() {
        return order;
    }

    BrokerActivities broker() {
        return broker;
    }

    String workflowId() {
        return request.workflowId();
    }

    @Override
    public OrderView submit() {
        Workflow.await(() -> acknowledged);
        return order.view();
    }

    @Override
    public OrderView cancel(CancelRequest cancel) {
        if (!current) {
            if (cancels.askFirstRelease(cancel)) {
                ledger.recordState(new StateChange(order.view(), "order.cancel_requested", cancel.actor(), cancel.reason()));
            }
            Workflow.await(CANCEL_CONFIRM_WAIT, () -> order.state().isTerminal());
            return order.view();
        }
        cancels.ask(cancel);
        // Answer once IB confirmed (terminal), or refused (cancel no longer outstanding), or after the bounded wait.
        Workflow.await(CANCEL_CONFIRM_WAIT, () -> order.state().isTerminal()
                || cancels.settled(order.state()));
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
    public ModifyOutcome modify(ModifyRequest modify) {
        int ticket = modifies.ask(modify);
        Workflow.await(MODIFY_CONFIRM_WAIT, () -> modifies.outcome(ticket) != null);
        ModifyOutcome outcome = modifies.outcome(ticket);
        return outcome != null ? outcome : new ModifyOutcome(ModifyOutcome.Status.PENDING, order.view(), null);
    }

    @Override
    public void validateModify(ModifyRequest modify) {
        if (!current) {
            throw new UpdateRefusal(new ModifyRules.Problem(ErrorCode.STATE_CONFLICT, null,
                    "this order predates modify support; cancel it and place a new one"));
        }
        Optional<ModifyRules.Problem> problem = ModifyRules.termProblems(order.view().type(), order.view().timeInForce(),
                modify.terms()).stream().findFirst()
                .or(() -> ModifyRules.stateProblem(order.view(), modify))
                .or(() -> modifies.hasWork() || modifies.busy() || cancels.inProgress()
                        ? Optional.of(new ModifyRules.Problem(ErrorCode.STATE_CONFLICT, null,
                                "a cancel or another modify of this order is in progress"))
                        : Optional.empty());
        if (problem.isPresent()) {
            throw new UpdateRefusal(problem.get());
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
