package io.oms.infra.persistence;

import java.time.Instant;

/** A configured IB connection, its last known status and the highest order id used or seen on it. */
public record BrokerConnectionRow(
        String name,
        String host,
        Integer port,
        Integer clientId,
        String status,
        String statusDetail,
        Instant statusAt,
        int orderIdHighWater) {}
