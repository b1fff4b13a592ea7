package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.seed.DevSeeder;
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
        String expireAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS).toString();
        String clientOrderId = uniqueId("gtd");
        ApiClient.Response placed = api.post("/api/v1/orders", "{\"account\":\"" + ACCOUNT + "\",\"symbol\":\"MSFT\","
                + "\"side\":\"BUY\",\"type\":\"LMT\",\"qty\":\"10\",\"limitPrice\":\"1.00\",\"tif\":\"GTD\","
                + "\"expireAt\":\"" + expireAt + "\",\"clientOrderId\":\"" + clientOrderId + "\"}");
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(placed.text("state")).isEqualTo("ROUTED");

        // The workflow's own durable timer ends it: the simulator's clock is held still in these tests.
        ApiClient.Response expired = api.await("/api/v1/orders/" + placed.text("id"),
                r -> "EXPIRED".equals(r.text("state")), Duration.ofSeconds(30));
        assertThat(expired.text("filledQty")).isEqualTo("0");
        assertThat(simulator.orders().stream().filter(o -> isOurs(o.orderRef(), clientOrderId)).findFirst()
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
}
