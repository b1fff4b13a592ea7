package io.oms.workflows.order;

import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Builders and a bounded wait shared by the order workflow's tests. */
final class WorkflowTestSupport {
    private WorkflowTestSupport() {}

    static BrokerFill fill(String execId, String qty, String price) {
        return new BrokerFill(execId, 7, 1000007L, "DU1", "AAPL", Side.BUY, new BigDecimal(qty), new BigDecimal(price),
                BigDecimal.ZERO, BigDecimal.ZERO, "ISLAND", Instant.parse("2026-11-24T15:00:00Z"));
    }

    static BrokerEvents status(String status) {
        return BrokerEvents.of(BrokerEvent.of(new BrokerStatus(7, 1000007L, status, BigDecimal.ZERO, BigDecimal.TEN,
                BigDecimal.ZERO, null)));
    }

    static BrokerEvents error(int code, String message) {
        return BrokerEvents.of(BrokerEvent.of(new BrokerError(7, code, message)));
    }

    static BrokerEvents fills(BrokerFill... fills) {
        return new BrokerEvents(java.util.Arrays.stream(fills).map(BrokerEvent::of).toList());
    }

    static OrderRequest request(OrderType type, String qty, String limit, TimeInForce tif, Instant expireAt, Instant submittedAt) {
        return new OrderRequest(new OrderId(UUID.randomUUID()), new TenantId("t1"),
                new ClientOrderId("c-" + UUID.randomUUID()), "DU1", "sim", "AAPL", Side.BUY, type,
                new BigDecimal(qty), limit == null ? null : new BigDecimal(limit), null, null, null, tif, expireAt,
                false, "tester", submittedAt);
    }

    /** Waits (bounded) until the condition holds; false if it never did. */
    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
