package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.seed.DevSeeder;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.order.OrderRequest;
import io.oms.workflows.order.OrderSubmission;
import io.oms.workflows.order.OrderView;
import io.temporal.client.WorkflowClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Expiry by the workflow's durable timer, and the pre-route denial, through the real workflow service, connector
 * and simulator. The orders are submitted through the workflow client: the REST body takes expireAt once the
 * submission of every TIF lands (then these can go through POST).
 */
class OrderExpiryEndToEndTest extends EndToEndTest {
    @Autowired
    WorkflowClient client;
    @Autowired
    BrokerDirectory brokers;

    @Test
    void gtdOrderWithExpiryAFewSecondsAheadEndsExpired() {
        assumeTrue(gtdReachesIb(), "the broker mapping of GTD (goodTillDate) is not in this build yet");
        Instant now = Instant.now();
        OrderRequest request = gtd(uniqueId("gtd"), now.plusSeconds(4).truncatedTo(ChronoUnit.SECONDS), now);
        OrderView view = OrderSubmission.submit(client, request);
        assertThat(view.state()).isEqualTo(OrderState.ROUTED);

        ApiClient.Response expired = api.await("/api/v1/orders/" + view.orderId(),
                r -> "EXPIRED".equals(r.text("state")), Duration.ofSeconds(30));
        assertThat(expired.text("filledQty")).isEqualTo("0");
        assertThat(simulator.orders().stream().filter(o -> o.orderRef().equals(request.workflowId())).findFirst()
                .orElseThrow().status()).isEqualTo("Cancelled");
    }

    @Test
    void gtdWhoseExpiryHasPassedIsDeniedAndNeverReachesIb() {
        Instant now = Instant.now();
        OrderRequest request = gtd(uniqueId("late"), now.minusSeconds(30), now);
        OrderView view = OrderSubmission.submit(client, request);
        assertThat(view.state()).isEqualTo(OrderState.DENIED);

        ApiClient.Response denied = api.get("/api/v1/orders/" + view.orderId());
        assertThat(denied.text("state")).isEqualTo("DENIED");
        assertThat(denied.text("rejectReason")).contains("already passed");
        assertThat(simulator.orders()).noneMatch(o -> request.workflowId().equals(o.orderRef()));
        assertThat(api.post("/api/v1/orders/" + view.orderId() + "/cancel", "").status()).isEqualTo(409);
    }

    private OrderRequest gtd(String clientOrderId, Instant expireAt, Instant now) {
        String connection = brokers.findAccount(DevSeeder.TENANT, ACCOUNT).orElseThrow().connectionName();
        return new OrderRequest(new OrderId(UuidV7.next()), new TenantId(DevSeeder.TENANT), new ClientOrderId(clientOrderId),
                ACCOUNT, connection, "MSFT", Side.BUY, OrderType.LMT, BigDecimal.TEN, new BigDecimal("1.00"), null, null,
                null, TimeInForce.GTD, expireAt, false, "e2e", now.truncatedTo(ChronoUnit.MICROS));
    }

    /** True once the broker activity maps a GTD order's expiry to IB's goodTillDate. */
    private static boolean gtdReachesIb() {
        try {
            Method from = Class.forName("io.oms.activities.broker.OrderSpecs").getDeclaredMethod("from",
                    PlaceOrderCommand.class, String.class);
            from.setAccessible(true);
            from.invoke(null, new PlaceOrderCommand("order/x/y", ACCOUNT, "MSFT", Side.BUY, OrderType.LMT, BigDecimal.ONE,
                    BigDecimal.ONE, null, null, null, TimeInForce.GTD, Instant.now().plusSeconds(60), false), null);
            return true;
        } catch (InvocationTargetException e) {
            return false;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
