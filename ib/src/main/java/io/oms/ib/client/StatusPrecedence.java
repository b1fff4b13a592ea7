package io.oms.ib.client;

import java.math.BigDecimal;

/** Which of two orderStatus reports for one order is the newer: IB's own messages arrive duplicated and reordered. */
final class StatusPrecedence {
    private StatusPrecedence() {}

    /**
     * Whether a reported status (with the filled quantity it carries, or null) is newer than the known one
     * (with the highest filled quantity known before it), so that a late duplicate or reordered message
     * never moves an order back:
     * <ul>
     * <li>a terminal status (Filled, Cancelled, ApiCancelled) is final;</li>
     * <li>filled only grows, so a report of less than is known is older (ignored), and a report of more is
     *     newer whatever it says (a refused cancel can take PendingCancel back to Submitted with a new fill);</li>
     * <li>otherwise IB's lifecycle order decides: PendingSubmit/ApiPending, PreSubmitted, Submitted,
     *     PendingCancel/PreCancelled, terminal; a status earlier in it is a stale message;</li>
     * <li>Inactive and statuses outside that order (WarnState, Unknown, new ones) are not ordered and apply
     *     unless the known one is terminal: Inactive may follow a working status (a reject) or precede one
     *     (a transmit=false order sent later, a lifted locate hold).</li>
     * </ul>
     */
    static boolean supersedes(String next, BigDecimal nextFilled, String known, BigDecimal knownFilled) {
        if (known == null) return true;
        if (isTerminal(known)) return false;
        if (nextFilled != null && knownFilled != null) {
            int c = nextFilled.compareTo(knownFilled);
            if (c != 0) return c > 0;
        }
        int n = lifecycleRank(next), k = lifecycleRank(known);
        return n < 0 || k < 0 || n >= k;
    }

    private static boolean isTerminal(String status) {
        return "Filled".equals(status) || "Cancelled".equals(status) || "ApiCancelled".equals(status);
    }

    /** IB's order of statuses (com.ib.client.OrderStatus), -1 when a status is not ordered (see supersedes). */
    private static int lifecycleRank(String status) {
        return switch (status) {
            case "PendingSubmit", "ApiPending" -> 0;
            case "PreSubmitted" -> 1;
            case "Submitted" -> 2;
            case "PendingCancel", "PreCancelled" -> 3;
            case "Filled", "Cancelled", "ApiCancelled" -> 4;
            default -> -1;
        };
    }
}
