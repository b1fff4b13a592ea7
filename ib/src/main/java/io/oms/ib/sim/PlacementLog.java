package io.oms.ib.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * How many placeOrder messages arrived per orderRef, and how many of those a swallow fault made IB never
 * see: what a test asserts to prove the OMS sent an order once (or resubmitted it). Engine-thread only.
 */
final class PlacementLog {
    private final Map<String, Integer> received = new HashMap<>();
    private final Map<String, Integer> swallowed = new HashMap<>();
    private int swallowedTotal;

    void received(String orderRef) { received.merge(key(orderRef), 1, Integer::sum); }

    void swallowed(String orderRef) {
        swallowed.merge(key(orderRef), 1, Integer::sum);
        swallowedTotal++;
    }

    int receivedFor(String orderRef) { return received.getOrDefault(key(orderRef), 0); }

    int swallowedFor(String orderRef) { return swallowed.getOrDefault(key(orderRef), 0); }

    int swallowedTotal() { return swallowedTotal; }

    private static String key(String orderRef) { return orderRef == null ? "" : orderRef; }
}
