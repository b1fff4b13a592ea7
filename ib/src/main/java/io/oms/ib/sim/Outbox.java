package io.oms.ib.sim;

import io.oms.ib.msg.CommissionReport;
import io.oms.ib.msg.OrderStatus;
import io.oms.ib.msg.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers order lifecycle messages (openOrder, orderStatus, execDetails, commission reports, 202) to the
 * owning client's session, applying the injected delivery faults. Replies to requests bypass it.
 * <ul>
 *   <li>Owner away or order unbound (manual, orderId 0): dropped; reqOpenOrders/reqExecutions recover it.</li>
 *   <li>IB connectivity lost (1100): dropped, as users report fills during an 1100 window never arrive live.</li>
 *   <li>orderStatus: reorder (held until the client's next orderStatus has gone), delay, duplicate.</li>
 *   <li>commission: missing (never sent live) or late.</li>
 *   <li>a new order whose acknowledgement is delayed: all its messages are held, then sent in order.</li>
 * </ul>
 */
final class Outbox {
    /** A reordered status is released after this long even if no later status overtakes it. */
    private static final Duration REORDER_FLUSH = Duration.ofMillis(500);

    private final SimEngine e;
    private final Map<Integer, OrderStatus> heldForReorder = new HashMap<>();
    /** Orders whose acknowledgement is delayed, and what they produced meanwhile. */
    private final Map<SimOrder, List<ServerMessage>> heldBack = new IdentityHashMap<>();

    Outbox(SimEngine engine) { this.e = engine; }

    void publish(SimOrder o) {
        order(o, o.toOpenOrder());
        order(o, o.toStatus());
    }

    void status(SimOrder o) { order(o, o.toStatus()); }

    /** Holds every message of o for delay, then sends them (through the other faults) in the order produced. */
    void holdBack(SimOrder o, Duration delay) {
        heldBack.put(o, new ArrayList<>());
        e.later(delay, () -> {
            List<ServerMessage> held = heldBack.remove(o);
            if (held != null) held.forEach(m -> order(o, m));
        });
    }

    void order(SimOrder o, ServerMessage m) {
        List<ServerMessage> held = heldBack.get(o);
        if (held != null) {
            held.add(m);
            return;
        }
        if (o.orderId == 0 || e.faults.connectivityLost) return;
        if (m instanceof OrderStatus st) {
            statusWithFaults(o.clientId, st);
        } else if (m instanceof CommissionReport c) {
            commissionWithFaults(o.clientId, c);
        } else {
            sendNow(o.clientId, m);
        }
    }

    private void statusWithFaults(int clientId, OrderStatus st) {
        FaultState f = e.faults;
        OrderStatus held = heldForReorder.remove(clientId);
        if (held == null && f.reorderStatus.fire(f.random)) {
            heldForReorder.put(clientId, st);
            e.later(REORDER_FLUSH, () -> {
                if (heldForReorder.remove(clientId, st)) sendNow(clientId, st);
            });
            return;
        }
        if (f.delayStatus.fire(f.random)) {
            e.later(f.statusDelay, () -> sendNow(clientId, st));
        } else {
            sendNow(clientId, st);
        }
        if (f.duplicateStatus.fire(f.random)) sendNow(clientId, st);
        if (held != null) sendNow(clientId, held);
    }

    private void commissionWithFaults(int clientId, CommissionReport c) {
        FaultState f = e.faults;
        if (f.missingCommission.fire(f.random)) return;
        if (f.lateCommission.fire(f.random)) {
            e.later(f.commissionDelay, () -> sendNow(clientId, c));
        } else {
            sendNow(clientId, c);
        }
    }

    private void sendNow(int clientId, ServerMessage m) {
        SimSession s = e.session(clientId);
        if (s != null) s.send(m);
    }

    /** A gateway restart or drop loses whatever was still held back. */
    void clear() {
        heldForReorder.clear();
        heldBack.clear();
    }
}
