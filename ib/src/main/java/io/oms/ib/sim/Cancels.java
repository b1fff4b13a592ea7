package io.oms.ib.sim;

/**
 * Cancels. A client cancel goes PendingCancel, then Cancelled with error 202 (after the injected cancel
 * delay, during which the order can still fill, as IB's can). reqGlobalCancel does that for every working
 * order of every client. System cancels (IOC/FOK remainders, DAY/GTD expiry, unfilled LOC/LOO) go straight
 * to Cancelled with no 202.
 */
final class Cancels {
    private final SimEngine e;

    Cancels(SimEngine engine) { this.e = engine; }

    void cancel(SimSession c, int orderId) {
        SimOrder o = e.book.get(c.clientId(), orderId);
        if (o != null && (SimOrder.FILLED.equals(o.status) || SimOrder.CANCELLED.equals(o.status))) {
            c.send(e.error(orderId, 10148, "OrderId " + orderId + " that needs to be cancelled can not be cancelled, state: "
                    + o.status + "."));
            return;
        }
        if (o == null || !o.isWorking()) {
            c.send(e.error(orderId, 10147, "OrderId " + orderId + " that needs to be cancelled is not found."));
            return;
        }
        if (SimOrder.PENDING_CANCEL.equals(o.status)) return; // already on its way out; IB just waits
        requestCancel(o);
    }

    void globalCancel() {
        for (SimOrder o : e.book.working()) {
            if (!SimOrder.PENDING_CANCEL.equals(o.status)) requestCancel(o);
        }
    }

    private void requestCancel(SimOrder o) {
        o.status = SimOrder.PENDING_CANCEL;
        e.out.status(o);
        if (e.faults.cancelDelay.isZero()) {
            confirm(o);
        } else {
            e.later(e.faults.cancelDelay, () -> confirm(o));
        }
    }

    /** A fill may have completed the order meanwhile; then the cancel simply lost the race. */
    private void confirm(SimOrder o) {
        if (!o.isWorking()) return;
        o.complete(SimOrder.CANCELLED, e.clock.instant(), "Cancelled by Trader");
        e.out.status(o);
        e.out.order(o, e.error(o.orderId, 202, "Order Canceled - reason:"));
    }

    void systemCancel(SimOrder o, String why) {
        if (!o.isWorking()) return;
        o.complete(SimOrder.CANCELLED, e.clock.instant(), why);
        e.out.status(o);
    }

    /** Gateway restart: nobody is connected, the order just ends (visible in reqCompletedOrders). */
    void silentCancel(SimOrder o, String why) {
        if (o.isWorking()) o.complete(SimOrder.CANCELLED, e.clock.instant(), why);
    }
}
