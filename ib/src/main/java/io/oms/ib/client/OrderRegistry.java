package io.oms.ib.client;

import io.oms.ib.msg.OpenOrder;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the connector knows about orders: id allocation (never backwards), orderId -> orderRef,
 * orderRef -> latest ack, and placements still waiting for their first status. Synchronized: it is
 * touched by callers (placeOrder) and by the dispatch thread.
 * <p>
 * Ids never go backwards because the next id is the max of: the persisted high-water mark + 1, the
 * gateway's nextValidId, every order id seen in openOrder/orderStatus/execDetails + 1, and the last id
 * allocated + 1. The mark is raised (persisted) by allocations, by nextValidId - 1 and by seen ids, so a
 * restarted process facing a gateway whose sequence was reset still continues above everything known.
 * <p>
 * The status kept per orderRef only moves forward ({@link StatusPrecedence#supersedes}): IB sends duplicate and out-of-order
 * orderStatus messages (ib-tws-protocol.md §3.3), and an older one arriving late must not reopen a finished order.
 */
final class OrderRegistry {
    private static final Logger log = LoggerFactory.getLogger(OrderRegistry.class);
    private final String connection;
    private final OrderIdStore store;
    private final Map<Integer, String> refById = new HashMap<>();
    private final Map<String, PlaceAck> byRef = new HashMap<>();
    private final Map<Integer, CompletableFuture<PlaceAck>> pending = new HashMap<>();
    /** Modifies waiting for IB's answer; a refused modify leaves the working order as it was. */
    private final Map<Integer, Modify> modifying = new HashMap<>();

    /** A modify in flight and the terms IB's openOrder will show once it has taken it. */
    private record Modify(CompletableFuture<PlaceAck> ack, String action, String type, BigDecimal quantity,
                          BigDecimal limit, BigDecimal aux, String tif) {
        boolean shownBy(OpenOrder o) {
            return action.equals(o.action()) && type.equals(o.orderType()) && same(quantity, o.totalQuantity())
                    && same(limit, o.lmtPrice()) && same(aux, o.auxPrice()) && (tif == null || tif.equals(o.tif()));
        }

        private static boolean same(BigDecimal want, BigDecimal got) {
            return want == null ? got == null : got != null && want.compareTo(got) == 0;
        }
    }
    /** permId -> orderId: completedOrder carries no order id, only the permId (and orderRef). */
    private final Map<Long, Integer> idByPerm = new HashMap<>();
    /** orderId -> the highest filled quantity reported (orderStatus filled, execDetails cumQty, completedOrder). */
    private final Map<Integer, BigDecimal> filledById = new HashMap<>();
    private int nextValidId;
    private int maxSeen;
    private int lastAllocated;
    /** The persisted mark, loaded once and then tracked as we raise it; -1 = not loaded yet. */
    private int storedHighWater = -1;

    OrderRegistry(String connection, OrderIdStore store) {
        this.connection = connection;
        this.store = store;
    }

    /** The next order id; persisted before it is returned (a failing store fails the placement). */
    synchronized int allocate() {
        int id = Math.max(Math.max(nextValidId, mark() + 1), Math.max(maxSeen + 1, lastAllocated + 1));
        // Persist before sending so a crash after the send can never hand the same id out again.
        store.storeHighWater(connection, id);
        storedHighWater = id;
        lastAllocated = id;
        return id;
    }

    /** The gateway says ids below this are used: remember that beyond a gateway reset. */
    synchronized void onNextValidId(int id) {
        nextValidId = Math.max(nextValidId, id);
        raiseMark(id - 1);
    }

    /** The id the next allocation would return (for tests and diagnostics). */
    synchronized int peekNext() {
        return Math.max(Math.max(nextValidId, mark() + 1), Math.max(maxSeen + 1, lastAllocated + 1));
    }

    synchronized void register(int orderId, String orderRef, CompletableFuture<PlaceAck> ack) {
        seen(orderId);
        if (orderRef != null) {
            refById.put(orderId, orderRef);
            byRef.put(orderRef, new PlaceAck(orderId, 0, "PendingSubmit", false, 0, null));
        }
        pending.put(orderId, ack);
    }

    /** Waits for IB's answer to a modify of a known order: the next status for it, or an order error. */
    synchronized void modifying(int orderId, OrderSpec terms, CompletableFuture<PlaceAck> ack) {
        modifying.put(orderId, new Modify(ack, terms.action(), terms.orderType(), terms.quantity(), terms.limitPrice(),
                terms.auxPrice(), terms.tif()));
    }

    /**
     * An openOrder: completes a modify once it shows the new terms. Only the terms tell a modify's answer
     * from the statuses of the order as it was, which may still be on their way when the modify is sent.
     */
    synchronized void openOrderShown(OpenOrder o) {
        Modify m = modifying.get(o.orderId());
        if (m != null && m.shownBy(o)) {
            modifying.remove(o.orderId());
            m.ack().complete(PlaceAck.accepted(o.orderId(), o.permId(), o.status()));
        }
    }

    /** Stops waiting for the first status (timed out); what is known about the order stays. */
    synchronized void forget(int orderId) {
        pending.remove(orderId);
        modifying.remove(orderId);
    }

    /** The placement never reached the wire: drop every trace so a retry under the same orderRef places anew. */
    synchronized void withdraw(int orderId) {
        pending.remove(orderId);
        String ref = refById.remove(orderId);
        PlaceAck ack = ref == null ? null : byRef.get(ref);
        if (ack != null && ack.orderId() == orderId && ack.permId() == 0) byRef.remove(ref);
    }

    synchronized String refOf(int orderId) { return refById.get(orderId); }

    /** Learns from openOrder/orderBound (no filled quantity); returns the orderRef now known for the id. */
    synchronized String learn(int orderId, String orderRef, long permId, String status) {
        return learn(orderId, orderRef, permId, status, null);
    }

    /**
     * Learns from openOrder/orderStatus/execDetails/orderBound/completedOrder; returns the orderRef now known
     * for the id. filled is the order's cumulative filled quantity when the message carries one, else null.
     * The status replaces the known one only if it {@link StatusPrecedence#supersedes} it.
     */
    synchronized String learn(int orderId, String orderRef, long permId, String status, BigDecimal filled) {
        seen(orderId);
        if (permId != 0 && orderId > 0) idByPerm.put(permId, orderId);
        if (orderRef != null) refById.put(orderId, orderRef);
        BigDecimal knownFilled = filledById.get(orderId);
        if (filled != null && orderId != 0 && (knownFilled == null || filled.compareTo(knownFilled) > 0)) {
            filledById.put(orderId, filled);
        }
        String ref = refById.get(orderId);
        if (ref != null) {
            PlaceAck prev = byRef.get(ref);
            if (prev == null || prev.orderId() == orderId || (prev.orderId() == 0 && orderId > 0)) {
                boolean rejected = prev != null && prev.rejected();
                long perm = permId != 0 ? permId : prev == null ? 0 : prev.permId();
                String known = prev == null ? null : prev.status();
                String st = status != null && !rejected && StatusPrecedence.supersedes(status, filled, known, knownFilled) ? status : known;
                byRef.put(ref, new PlaceAck(orderId, perm, st, rejected, prev == null ? 0 : prev.errorCode(),
                        prev == null ? null : prev.errorMessage()));
            }
        }
        return ref;
    }

    /** Completes a waiting placement with the first status seen for it. */
    synchronized void acknowledge(int orderId, long permId, String status) {
        CompletableFuture<PlaceAck> f = pending.remove(orderId);
        if (f != null) f.complete(PlaceAck.accepted(orderId, permId, status));
    }

    /** Completes a waiting placement as rejected; returns false if nothing was waiting. */
    synchronized boolean reject(int orderId, int code, String message) {
        Modify m = modifying.remove(orderId);
        if (m != null) {
            m.ack().complete(PlaceAck.rejected(orderId, 0, code, message)); // the order itself keeps working
            return true;
        }
        CompletableFuture<PlaceAck> f = pending.remove(orderId);
        String ref = refById.get(orderId);
        PlaceAck ack = PlaceAck.rejected(orderId, 0, code, message);
        if (ref != null && f != null) byRef.put(ref, ack);
        if (f == null) return false;
        f.complete(ack);
        return true;
    }

    /** Which known order a completedOrder is about: orderId 0 when none; orderRef IB's or else the known one. */
    record Match(int orderId, String orderRef) {}

    /**
     * Matches a completed order to a known one, by permId first (exact), then by orderRef; records its terminal
     * status and completes a placement still waiting for its first status. An orderRef whose order already has
     * another permId is a different order under the same ref (one orderRef may map to several permIds), so it
     * does not match.
     */
    synchronized Match completed(long permId, String orderRef, String status, BigDecimal filled) {
        String ref = orderRef == null || orderRef.isBlank() ? null : orderRef;
        Integer id = permId == 0 ? null : idByPerm.get(permId);
        PlaceAck known = ref == null ? null : byRef.get(ref);
        if (id == null && known != null && (known.permId() == 0 || known.permId() == permId)) id = known.orderId();
        if (id == null) {
            // An order of ours this session never knew (say, placed by a worker that died): remember what IB
            // says under its orderRef, so that a placement retried under it finds the order instead of sending
            // it again. Its order id is unknown (0) until an openOrder or execution under the ref tells it.
            if (ref != null && known == null) byRef.put(ref, new PlaceAck(0, permId, status, false, 0, null));
            return new Match(0, ref);
        }
        String resolved = learn(id, ref, permId, status, filled);
        acknowledge(id, permId, status);
        return new Match(id, resolved);
    }

    synchronized Optional<PlaceAck> byRef(String orderRef) { return Optional.ofNullable(byRef.get(orderRef)); }

    private void seen(int orderId) {
        if (orderId <= maxSeen) return;
        maxSeen = orderId;
        raiseMark(orderId);
    }

    private int mark() {
        if (storedHighWater < 0) storedHighWater = store.loadHighWater(connection);
        return storedHighWater;
    }

    /** Persists a higher mark. Called on the dispatch thread: a store failure is logged, not thrown. */
    private void raiseMark(int id) {
        try {
            if (id <= mark()) return;
            store.storeHighWater(connection, id);
            storedHighWater = id;
        } catch (RuntimeException e) {
            log.warn("[{}] could not persist order id high-water {}: {}", connection, id, e.toString());
        }
    }
}
