package io.oms.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.activities.StateChange;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A placement IB never acknowledged and has no order for (BROKER_NO_ACK): the order ends REJECTED, sent once. */
class OrderPlacementNoAckTest {
    private static final String NO_ACK_MESSAGE = "IB did not acknowledge the order within PT5S and has no order under orderRef x";
    private final FakeActivities.Ledger ledger = new FakeActivities.Ledger();
    private final FakeActivities.Broker broker = new FakeActivities.Broker();

    @RegisterExtension
    final OrderWorkflowFixture temporal = new OrderWorkflowFixture(OrderWorkflowImpl.class, ledger, broker);

    @Test
    void aPlacementIbNeverSawEndsTheOrderRejectedWithTheCodeAndOnePlacement() {
        broker.answer = c -> {
            throw ApplicationFailure.newNonRetryableFailure(NO_ACK_MESSAGE, ErrorCode.BROKER_NO_ACK.name());
        };
        OrderView view = OrderSubmission.submit(temporal.client(), request());

        assertThat(view.state()).isEqualTo(OrderState.REJECTED);
        assertThat(view.rejectReason()).isEqualTo("BROKER_NO_ACK: " + NO_ACK_MESSAGE);
        assertThat(broker.placed).hasSize(1);
        assertThat(ledger.actions()).containsExactly("order.created", "order.rejected");
        assertThat(ledger.states).last().extracting(StateChange::actor).isEqualTo("broker");
    }

    @Test
    void theNoAckFailureIsNeverRetriedEvenWhenMarkedRetryable() {
        broker.answer = c -> {
            throw ApplicationFailure.newFailure(NO_ACK_MESSAGE, ErrorCode.BROKER_NO_ACK.name());
        };
        OrderView view = OrderSubmission.submit(temporal.client(), request());

        assertThat(view.state()).isEqualTo(OrderState.REJECTED);
        assertThat(broker.placed).hasSize(1);
    }

    private static OrderRequest request() {
        return new OrderRequest(new OrderId(UUID.randomUUID()), new TenantId("t1"), new ClientOrderId("c-" + UUID.randomUUID()),
                "DU1", "sim", "AAPL", Side.BUY, OrderType.MKT, BigDecimal.TEN, null, null, null, null, TimeInForce.GTC, null,
                false, "tester", Instant.parse("2026-11-24T15:00:00Z"));
    }
}
