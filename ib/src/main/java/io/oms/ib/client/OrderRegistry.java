package io.oms.ib.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the connector knows about orders: id allocation (never backwards), orderId -> orderRef,
 * orderRef -> latest ack, and placements still waiting for their first status. Synchronized: it is
 * touched by callers (placeOrder) and by the dispatch thread.
 */
final class OrderRegistry {
    private final String connection;
    private final OrderIdStore store;
    private final Map<Integer, String> refById = new HashMap<>();
    private final Map<String, PlaceAck> byRef = new HashMap<>();
    private final Map<Integer, CompletableFuture<PlaceAck>> pending = new HashMap<>();
    private int nextValidId;
    private int maxSeen;
    private int lastAllocated;
    /** The persisted mark as loaded once; every later id is above lastAllocated anyway. */
    private int storedHighWater = -1;

    OrderRegistry(String connection, OrderIdStore store) {
        this.connection = connection;
        this.store = store;
    }

    synchronized int allocate() {
        if (storedHighWater < 0) {
            storedHighWater = store.loadHighWater(connection);
        }
        int id = Math.max(Math.max(nextValidId, storedHighWater + 1),
                Math.max(maxSeen + 1, lastAllocated + 1));
        // Persist before sending so a crash after the send can never hand the same id out again.
        store.storeHighWater(connection, id);
        lastAllocated = id;
        return id;
    }

    synchronized void onNextValidId(int id) { nextValidId = Math.max(nextValidId, id); }

    synchronized void register(int orderId, String orderRef, CompletableFuture<PlaceAck> ack) {
        seen(orderId);
        if (orderRef != null) {
            refById.put(orderId, orderRef);
            byRef.put(orderRef, new PlaceAck(orderId, 0, "PendingSubmit", false, 0, null));
        }
        pending.put(orderId, ack);
    }

    synchronized void forget(int orderId) { pending.remove(orderId); }

    synchronized String refOf(int orderId) { return refById.get(orderId); }

    /** Learns from openOrder/orderStatus/execDetails; returns the orderRef now known for the id. */
    synchronized String learn(int orderId, String orderRef, long permId, String status) {
        seen(orderId);
        if (orderRef != null) refById.put(orderId, orderRef);
        String ref = refById.get(orderId);
        if (ref != null) {
            PlaceAck prev = byRef.get(ref);
            if (prev == null || prev.orderId() == orderId) {
                boolean rejected = prev != null && prev.rejected();
                long perm = permId != 0 ? permId : prev == null ? 0 : prev.permId();
                String st = status != null && !rejected ? status : prev == null ? null : prev.status();
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
        CompletableFuture<PlaceAck> f = pending.remove(orderId);
        String ref = refById.get(orderId);
        PlaceAck ack = PlaceAck.rejected(orderId, 0, code, message);
        if (ref != null && f != null) byRef.put(ref, ack);
        if (f == null) return false;
        f.complete(ack);
        return true;
    }

    synchronized Optional<PlaceAck> byRef(String orderRef) { return Optional.ofNullable(byRef.get(orderRef)); }

    private void seen(int orderId) { maxSeen = Math.max(maxSeen, orderId); }
}
