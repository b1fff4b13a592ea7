package io.oms.ib.client;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Durable high-water mark of order ids per connection, so ids never go backwards across restarts
 * even if the gateway's nextValidId is stale or reset.
 */
public interface OrderIdStore {
    /** Highest order id ever used on this connection, or 0 when none. */
    int loadHighWater(String connection);

    void storeHighWater(String connection, int orderId);

    static OrderIdStore inMemory() {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        return new OrderIdStore() {
            @Override
            public int loadHighWater(String connection) { return map.getOrDefault(connection, 0); }

            @Override
            public void storeHighWater(String connection, int orderId) { map.merge(connection, orderId, Math::max); }
        };
    }
}
