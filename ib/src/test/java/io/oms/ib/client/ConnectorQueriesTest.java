package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ExecutionFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connector's queries against the simulator: open orders (own and all clients'), ids, executions, positions. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectorQueriesTest {
    GatewayFixture gw;
    IbConnector mine;
    IbConnector other;

    @BeforeEach
    void connect() throws Exception {
        gw = GatewayFixture.start(c -> c);
        mine = gw.connect("mine", 7, new RecordingListener(), IbClientOptions.defaults(), UnaryOperator.identity());
        other = gw.connect("other", 8, new RecordingListener(), IbClientOptions.defaults(), UnaryOperator.identity());
    }

    @AfterEach
    void stop() { if (gw != null) gw.close(); }

    @Test
    void allOpenOrdersIncludeOtherClientsOrdersButOwnOpenOrdersDoNot() throws Exception {
        other.placeOrder(OrderSpec.limit("theirs", GatewayFixture.ACCT, "AAPL", "BUY", BigDecimal.ONE, BigDecimal.ONE, "DAY"))
                .get(5, TimeUnit.SECONDS);
        mine.placeOrder(OrderSpec.limit("ours", GatewayFixture.ACCT, "AAPL", "BUY", BigDecimal.ONE, BigDecimal.ONE, "DAY"))
                .get(5, TimeUnit.SECONDS);

        List<String> all = refs(mine.requestAllOpenOrders().get(5, TimeUnit.SECONDS));
        List<String> own = refs(mine.requestOpenOrders().get(5, TimeUnit.SECONDS));

        assertThat(all).contains("theirs", "ours");
        assertThat(own).contains("ours").doesNotContain("theirs");
    }

    @Test
    void nextValidIdAnswersReqIdsAndPlacementsStayAboveIt() throws Exception {
        PlaceAck first = mine.placeOrder(OrderSpec.market("id-1", GatewayFixture.ACCT, "AAPL", "BUY", BigDecimal.ONE))
                .get(5, TimeUnit.SECONDS);
        int next = mine.requestNextValidId().get(5, TimeUnit.SECONDS);
        PlaceAck second = mine.placeOrder(OrderSpec.market("id-2", GatewayFixture.ACCT, "AAPL", "BUY", BigDecimal.ONE))
                .get(5, TimeUnit.SECONDS);

        assertThat(next).isGreaterThan(first.orderId());
        assertThat(second.orderId()).isGreaterThanOrEqualTo(next);
        assertThat(second.rejected()).isFalse();
    }

    @Test
    void executionsAreFilteredBySymbolAndPositionsAddUp() throws Exception {
        mine.placeOrder(OrderSpec.market("ex-aapl", GatewayFixture.ACCT, "AAPL", "BUY", new BigDecimal("3"))).get(5, TimeUnit.SECONDS);
        mine.placeOrder(OrderSpec.market("ex-msft", GatewayFixture.ACCT, "MSFT", "BUY", new BigDecimal("2"))).get(5, TimeUnit.SECONDS);
        Await.until(GatewayFixture.WAIT, "both filled", () -> gw.filledAtGateway("ex-aapl") && gw.filledAtGateway("ex-msft"));

        List<ExecutionEvent> msft = mine.requestExecutions(new ExecutionFilter(0, null, null, "MSFT", null, null, null))
                .get(5, TimeUnit.SECONDS);
        List<PositionEvent> positions = mine.requestPositions().get(5, TimeUnit.SECONDS);

        assertThat(msft).extracting(ExecutionEvent::orderRef).containsOnly("ex-msft");
        assertThat(positions).filteredOn(p -> "AAPL".equals(p.symbol())).singleElement()
                .satisfies(p -> assertThat(p.position()).isEqualByComparingTo("3"));
    }

    private static List<String> refs(List<OpenOrderEvent> orders) {
        return orders.stream().map(OpenOrderEvent::orderRef).toList();
    }
}
