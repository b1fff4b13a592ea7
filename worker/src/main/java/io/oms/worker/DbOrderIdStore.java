package io.oms.worker;

import io.oms.ib.client.OrderIdStore;
import io.oms.infra.persistence.BrokerDirectory;

/** Keeps each IB connection's order-id high-water mark in PostgreSQL, so ids never go backwards across restarts. */
final class DbOrderIdStore implements OrderIdStore {
    private final BrokerDirectory directory;

    DbOrderIdStore(BrokerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public int loadHighWater(String connection) {
        return directory.loadHighWater(connection);
    }

    @Override
    public void storeHighWater(String connection, int orderId) {
        directory.advanceHighWater(connection, orderId);
    }
}
