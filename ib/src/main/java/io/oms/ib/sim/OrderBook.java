package io.oms.ib.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every order of the gateway's account, in placement order (iteration order is part of determinism), with
 * the (clientId, orderId) index the API addresses orders by and the per-client order-id high-water mark.
 */
final class OrderBook {
    private final Map<Long, SimOrder> byPermId = new LinkedHashMap<>();
    private final Map<Long, SimOrder> byKey = new HashMap<>();
    /** Orders not yet finished (working or held), so per-tick scans do not grow with the day's history. */
    private final Map<Long, SimOrder> live = new LinkedHashMap<>();
    /** Highest order id seen per client; persists across that client's sessions until a gateway restart. */
    private final Map<Integer, Integer> maxIdByClient = new HashMap<>();
    private long nextPermId = 1_000_001L;
    /** TWS binds manual orders to client 0 with negative ids ("Use negative numbers to bind automatic orders"). */
    private int lastBoundId;

    static long key(int clientId, int orderId) { return ((long) clientId << 32) | (orderId & 0xffffffffL); }

    long newPermId() { return nextPermId++; }

    void add(SimOrder o) {
        byPermId.put(o.permId, o);
        live.put(o.permId, o);
        if (o.orderId != 0) byKey.put(key(o.clientId, o.orderId), o);
    }

    SimOrder get(int clientId, int orderId) { return byKey.get(key(clientId, orderId)); }

    SimOrder byPermId(long permId) { return byPermId.get(permId); }

    Collection<SimOrder> all() { return byPermId.values(); }

    /** A copy, so callers may change order states while iterating. */
    List<SimOrder> working() {
        List<SimOrder> out = new ArrayList<>();
        live.values().removeIf(o -> o.completedAt != null); // finished orders never work again
        for (SimOrder o : live.values()) if (o.isWorking()) out.add(o);
        return out;
    }

    int maxId(int clientId) { return maxIdByClient.getOrDefault(clientId, 0); }

    void noteId(int clientId, int orderId) { maxIdByClient.merge(clientId, orderId, Math::max); }

    int nextValidId(int clientId) { return maxId(clientId) + 1; }

    void bind(SimOrder manual) {
        manual.clientId = 0;
        manual.orderId = --lastBoundId;
        byKey.put(key(0, manual.orderId), manual);
    }

    /**
     * A gateway restart forgets every client's id sequence (nextValidId starts again at 1) and the ids of
     * finished orders; working orders keep their ids, so a reused id that hits one of them is a modify.
     */
    void forgetIds() {
        maxIdByClient.clear();
        byKey.values().removeIf(o -> !o.isWorking());
    }
}
