package io.oms.activities.reconcile;

import io.oms.ib.client.CompletedOrderEvent;
import io.oms.ib.client.ExecutionEvent;
import io.oms.ib.client.OpenOrderEvent;
import io.oms.infra.reconcile.ExternalOrder;
import io.oms.infra.reconcile.OmsOrder;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.order.OrderWorkflowContract;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparison of orders and executions, without I/O: IB's open and completed orders and executions of one account
 * against the OMS's orders and ledger. IB's orders are matched to the OMS's by orderRef, which is the order
 * workflow's id ({@code order/{tenant}/{clientOrderId}}); anything else in the account was placed elsewhere.
 */
final class Reconciler {
    private static final Set<String> FINAL = Set.of("Filled", "Cancelled", "ApiCancelled", "Inactive");

    private final String tenantId;
    private final Duration unknownAfter;

    /** {@code unknownAfter}: an OMS order younger than this may not have reached IB yet and is not called unknown. */
    Reconciler(String tenantId, Duration unknownAfter) {
        this.tenantId = tenantId;
        this.unknownAfter = unknownAfter;
    }

    /** The OMS client order id an orderRef names in this tenant, or null when the order was placed elsewhere. */
    String clientOrderIdOf(String orderRef) {
        return OrderWorkflowContract.clientOrderIdOf(new TenantId(tenantId), orderRef);
    }

    Plan compare(BrokerSnapshot ib, OmsSide oms, Instant now) {
        Map<String, OpenOrderEvent> openByCid = new HashMap<>();
        Map<String, CompletedOrderEvent> completedByCid = new HashMap<>();
        Map<Long, OpenOrderEvent> externalOpen = new LinkedHashMap<>();
        Map<Long, CompletedOrderEvent> externalCompleted = new LinkedHashMap<>();
        for (OpenOrderEvent o : ib.openOrders()) {
            String cid = ours(o.orderRef(), oms);
            if (cid != null) openByCid.put(cid, o);
            else if (o.permId() != 0) externalOpen.put(o.permId(), o);
        }
        for (CompletedOrderEvent o : ib.completedOrders()) {
            String cid = ours(o.orderRef(), oms);
            if (cid != null) completedByCid.put(cid, o);
            else if (o.permId() != 0) externalCompleted.put(o.permId(), o);
        }

        List<Plan.StateDrift> drifts = new ArrayList<>();
        List<OmsOrder> unknown = new ArrayList<>();
        for (OmsOrder o : oms.liveOrders()) {
            if (o.external() || openByCid.containsKey(o.clientOrderId())) continue;
            CompletedOrderEvent done = completedByCid.get(o.clientOrderId());
            if (done != null && FINAL.contains(done.status())) drifts.add(new Plan.StateDrift(o, done));
            else if (o.createdAt().plus(unknownAfter).isBefore(now)) unknown.add(o);
        }
        List<Plan.WorkingButClosed> closed = new ArrayList<>();
        openByCid.forEach((cid, open) -> {
            OmsOrder o = oms.named().get(cid);
            if (o != null && OrderState.valueOf(o.state()).isTerminal()) closed.add(new Plan.WorkingButClosed(o, open));
        });

        List<Plan.MissedFill> missed = new ArrayList<>();
        Map<Long, List<ExecutionEvent>> externalFills = new LinkedHashMap<>();
        Map<Long, List<ExecutionEvent>> allExternalFills = new HashMap<>();
        for (ExecutionEvent x : ib.executions()) {
            String cid = ours(x.orderRef(), oms);
            boolean known = oms.knownExecIds().contains(x.execId());
            if (cid != null) {
                if (!known) missed.add(new Plan.MissedFill(x, oms.named().get(cid)));
            } else if (x.permId() != 0) {
                allExternalFills.computeIfAbsent(x.permId(), k -> new ArrayList<>()).add(x);
                List<ExecutionEvent> fresh = externalFills.computeIfAbsent(x.permId(), k -> new ArrayList<>());
                if (!known) fresh.add(x);
            }
        }
        List<Plan.ExternalSeen> externals = new ArrayList<>();
        LinkedHashMap<Long, Boolean> permIds = new LinkedHashMap<>();
        externalOpen.keySet().forEach(p -> permIds.put(p, true));
        externalCompleted.keySet().forEach(p -> permIds.put(p, true));
        externalFills.keySet().forEach(p -> permIds.put(p, true));
        for (long permId : permIds.keySet()) {
            List<ExecutionEvent> fills = allExternalFills.getOrDefault(permId, List.of());
            externals.add(new Plan.ExternalSeen(ExternalOrders.of(tenantId, permId, externalOpen.get(permId),
                    externalCompleted.get(permId), fills), externalFills.getOrDefault(permId, List.of())));
        }
        return new Plan(missed, drifts, unknown, closed, externals);
    }

    /**
     * Whether the comparison needs today's completed orders: some order the OMS has working (its own, or an external
     * one) is not among IB's open orders, or IB reports an execution the ledger lacks (its order may have finished).
     */
    boolean needsCompletedOrders(BrokerSnapshot ib, OmsSide oms) {
        Set<String> open = new java.util.HashSet<>();
        Set<Long> openPermIds = new java.util.HashSet<>();
        ib.openOrders().forEach(o -> {
            open.add(String.valueOf(clientOrderIdOf(o.orderRef())));
            openPermIds.add(o.permId());
        });
        boolean missing = oms.liveOrders().stream().anyMatch(o -> o.external()
                ? o.permId() == null || !openPermIds.contains(o.permId()) : !open.contains(o.clientOrderId()));
        return missing || ib.executions().stream().anyMatch(x -> !oms.knownExecIds().contains(x.execId()));
    }

    /** The client order id of one of this tenant's OMS orders, or null (placed elsewhere, or unknown to the OMS). */
    private String ours(String orderRef, OmsSide oms) {
        String cid = clientOrderIdOf(orderRef);
        return cid != null && oms.named().containsKey(cid) ? cid : null;
    }

    static BigDecimal sum(List<ExecutionEvent> fills) {
        return fills.stream().map(ExecutionEvent::shares).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
