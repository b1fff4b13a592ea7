package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Orders through the whole system: REST -> Temporal -> connector -> simulator socket -> back. */
class OrderLifecycleEndToEndTest extends EndToEndTest {

    @Test
    void marketBuyFillsWithExecutionsAndMovesThePosition() {
        BigDecimal before = position("NVDA");
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("mkt"), "NVDA", "BUY", "MKT", "250", null));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.text("state")).isIn("ROUTED", "PARTIALLY_FILLED", "FILLED");
        String id = placed.text("id");

        ApiClient.Response filled = awaitState(id, "FILLED");
        assertThat(new BigDecimal(filled.text("filledQty"))).isEqualByComparingTo("250");

        List<JsonNode> executions = executions(id);
        assertThat(executions).hasSize(3); // the simulator fills in slices of 100
        assertThat(executions.stream().map(e -> e.get("execId").asString()).distinct()).hasSize(3);
        assertThat(executions.stream().map(e -> new BigDecimal(e.get("qty").asString())).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("250");
        assertThat(position("NVDA").subtract(before)).isEqualByComparingTo("250");
        assertThat(simulator.executions().stream().filter(x -> isOurs(x.orderRef(), filled.text("clientOrderId"))))
                .hasSize(3);
    }

    @Test
    void farLimitOrderRestsRoutedAndCancelsToCanceled() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("lmt"), "MSFT", "BUY", "LMT", "10", "1.00"));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.text("state")).isEqualTo("ROUTED");
        String id = placed.text("id");
        assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("ROUTED");

        ApiClient.Response canceled = api.post("/api/v1/orders/" + id + "/cancel", "");
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.text("state")).isEqualTo("CANCELED");
        assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("CANCELED");
        assertThat(executions(id)).isEmpty();
    }

    @Test
    void restingLimitOrderFillsWhenTheMarketCrossesIt() {
        simulator.setPrice("IBM", new BigDecimal("200.00"));
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("cross"), "IBM", "SELL", "LMT", "5", "250.00"));
        assertThat(placed.text("state")).isEqualTo("ROUTED");

        simulator.setPrice("IBM", new BigDecimal("260.00"));
        ApiClient.Response filled = awaitState(placed.text("id"), "FILLED");
        assertThat(new BigDecimal(filled.text("avgFillPrice"))).isGreaterThanOrEqualTo(new BigDecimal("250.00"));
    }

    @Test
    void brokerRejectEndsTheOrderRejectedWithIbReason() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("rej"), "REJECT", "BUY", "MKT", "1", null));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.text("state")).isEqualTo("REJECTED");
        assertThat(placed.text("rejectReason")).startsWith("201:");
    }

    @Test
    void rejectsCancelOfFilledOrder() {
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("fc"), "SPY", "BUY", "MKT", "1", null));
        String id = placed.text("id");
        awaitState(id, "FILLED");
        ApiClient.Response cancel = api.post("/api/v1/orders/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("FILLED");
    }

    private List<JsonNode> executions(String orderId) {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/v1/orders/" + orderId + "/executions").body().forEach(list::add);
        return list;
    }

    private BigDecimal position(String symbol) {
        for (JsonNode p : api.get("/api/v1/positions?account=" + ACCOUNT).body()) {
            if (symbol.equals(p.get("symbol").asString())) {
                return new BigDecimal(p.get("qty").asString());
            }
        }
        return BigDecimal.ZERO;
    }
}
