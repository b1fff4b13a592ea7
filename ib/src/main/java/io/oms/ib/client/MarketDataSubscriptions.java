package io.oms.ib.client;

import io.oms.ib.msg.ReqMktData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streaming reqMktData subscriptions this connector made, by tickerId. IB forgets them on 1101
 * ("restored, data lost") and with the socket, so they are re-sent then. Snapshots are one-shot and
 * not kept. Thread-safe.
 */
final class MarketDataSubscriptions {
    private final Map<Integer, ReqMktData> byTicker = new LinkedHashMap<>();

    synchronized void add(ReqMktData r) {
        if (!r.snapshot() && !r.regulatorySnapshot()) byTicker.put(r.tickerId(), r);
    }

    synchronized boolean remove(int tickerId) { return byTicker.remove(tickerId) != null; }

    synchronized List<ReqMktData> all() { return List.copyOf(byTicker.values()); }
}
