package io.oms.activities.reconcile;

import io.oms.ib.client.CompletedOrderEvent;
import io.oms.ib.client.ExecutionEvent;
import io.oms.ib.client.OpenOrderEvent;
import io.oms.infra.reconcile.ExternalOrder;
import java.math.BigDecimal;
import java.util.List;

/** How an order placed elsewhere is described from what IB reported of it: its order, or failing that its fills. */
final class ExternalOrders {
    private ExternalOrders() {}

    static ExternalOrder of(String tenantId, long permId, OpenOrderEvent open, CompletedOrderEvent completed,
                            List<ExecutionEvent> fills) {
        BigDecimal filledByFills = Reconciler.sum(fills);
        ExecutionEvent anyFill = fills.isEmpty() ? null : fills.getFirst();
        if (completed != null) {
            BigDecimal filled = completed.filledQuantity() == null ? filledByFills : completed.filledQuantity().max(filledByFills);
            return new ExternalOrder(tenantId, completed.account(), permId, orderId(completed.orderId()), completed.symbol(),
                    side(completed.action()), type(completed.orderType()), tif(completed.tif()),
                    positive(completed.quantity(), filled), completed.limitPrice(),
                    state(completed.status(), filled), filled);
        }
        if (open != null) {
            return new ExternalOrder(tenantId, open.account(), permId, orderId(open.orderId()), open.symbol(),
                    side(open.action()), type(open.orderType()), tif(open.tif()), positive(open.quantity(), filledByFills),
                    open.limitPrice(), state(open.status(), filledByFills), filledByFills);
        }
        // Only fills are known (the order finished on an earlier day, or IB did not list it): describe it by them.
        return new ExternalOrder(tenantId, anyFill.account(), permId, orderId(anyFill.orderId()), anyFill.symbol(),
                "BOT".equals(anyFill.side()) ? "BUY" : "SELL", "UNKNOWN", "DAY", filledByFills, null, "FILLED",
                filledByFills);
    }

    /** The OMS state IB's status word means for an order the OMS only watches. */
    static String state(String ibStatus, BigDecimal filled) {
        return switch (ibStatus == null ? "" : ibStatus) {
            case "Filled" -> "FILLED";
            case "Cancelled", "ApiCancelled" -> "CANCELED";
            case "Inactive" -> "REJECTED";
            case "PendingCancel" -> "PENDING_CANCEL";
            default -> filled.signum() > 0 ? "PARTIALLY_FILLED" : "ROUTED";
        };
    }

    private static Integer orderId(int id) {
        return id == 0 ? null : id;
    }

    private static String side(String action) {
        return "SELL".equals(action) || "SSHORT".equals(action) ? "SELL" : "BUY";
    }

    private static String type(String ibType) {
        return ibType == null || ibType.isBlank() ? "UNKNOWN" : ibType.trim().replace(' ', '_');
    }

    private static String tif(String ibTif) {
        return ibTif == null || ibTif.isBlank() ? "DAY" : ibTif;
    }

    private static BigDecimal positive(BigDecimal quantity, BigDecimal filled) {
        return quantity != null && quantity.signum() > 0 ? quantity : filled.max(BigDecimal.ONE);
    }
}
