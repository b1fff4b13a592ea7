package io.oms.workflows.order;

import io.oms.workflows.activities.BrokerActivities;
import io.oms.workflows.activities.CancelOrderCommand;
import io.oms.workflows.activities.CommissionRecord;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.LedgerActivities;
import io.oms.workflows.activities.RiskActivities;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskCheckResult;
import io.oms.workflows.activities.ModifyAck;
import io.oms.workflows.activities.ModifyOrderCommand;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.activities.PlaceResult;
import io.oms.workflows.activities.StateChange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Recording stand-ins for the ledger and the broker, for unit tests of the workflow's logic only. */
final class FakeActivities {
    static final class Ledger implements LedgerActivities {
        final List<StateChange> states = new CopyOnWriteArrayList<>();
        final List<ExecutionRecord> executions = new CopyOnWriteArrayList<>();
        final List<CommissionRecord> commissions = new CopyOnWriteArrayList<>();

        @Override
        public void recordState(StateChange change) {
            states.add(change);
        }

        @Override
        public boolean recordExecution(ExecutionRecord execution) {
            executions.add(execution);
            return true;
        }

        @Override
        public boolean recordFill(ExecutionRecord execution, StateChange change) {
            boolean inserted = recordExecution(execution);
            if (change != null) {
                recordState(change);
            }
            return inserted;
        }

        @Override
        public void recordCommission(CommissionRecord commission) {
            commissions.add(commission);
        }

        List<String> actions() {
            return states.stream().map(StateChange::action).toList();
        }
    }

    static final class Broker implements BrokerActivities {
        final List<PlaceOrderCommand> placed = new CopyOnWriteArrayList<>();
        final List<CancelOrderCommand> cancels = new CopyOnWriteArrayList<>();
        final List<ModifyOrderCommand> modifies = new CopyOnWriteArrayList<>();
        volatile Function<PlaceOrderCommand, PlaceResult> answer = c -> PlaceResult.acknowledged(7, 1000007L, "Submitted");
        volatile Function<ModifyOrderCommand, ModifyAck> modifyAnswer = c -> ModifyAck.confirmed();
        /** What IB does when a cancel arrives (e.g. confirm it with a signal); nothing by default. */
        volatile java.util.function.Consumer<CancelOrderCommand> onCancel = c -> {};
        /** When set, cancelOrder fails (as a cancel that could not be sent). */
        volatile RuntimeException cancelFailure;

        @Override
        public PlaceResult placeOrder(PlaceOrderCommand command) {
            placed.add(command);
            return answer.apply(command);
        }

        @Override
        public void cancelOrder(CancelOrderCommand command) {
            cancels.add(command);
            if (cancelFailure != null) {
                throw cancelFailure;
            }
            onCancel.accept(command);
        }

        @Override
        public ModifyAck modifyOrder(ModifyOrderCommand command) {
            modifies.add(command);
            return modifyAnswer.apply(command);
        }

        @Override
        public void cancelAll() {
            throw new UnsupportedOperationException("orders never cancel every order of a session");
        }
    }

    /** The risk checks: every request recorded; passes unless {@code answer} says otherwise. */
    static final class Risk implements RiskActivities {
        final List<RiskCheckRequest> checks = new CopyOnWriteArrayList<>();
        volatile Function<RiskCheckRequest, RiskCheckResult> answer = r -> new RiskCheckResult(List.of());
        /** When set, the check fails (as one that cannot reach the database). */
        volatile RuntimeException failure;

        @Override
        public RiskCheckResult check(RiskCheckRequest request) {
            checks.add(request);
            if (failure != null) {
                throw failure;
            }
            return answer.apply(request);
        }

        List<RiskCheckKind> kinds() {
            return checks.stream().map(RiskCheckRequest::kind).toList();
        }
    }

    private FakeActivities() {}
}
