package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.SimOrderView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** PATCH /api/v1/orders/{id} through the whole system: If-Match, IB's confirmation, the new terms at IB. */
class OrderModifyEndToEndTest extends EndToEndTest {

    @Test
    void modifiesPriceAndQuantityOfARestingLimitWithIfMatch() {
        String clientOrderId = uniqueId("mod");
        String id = api.post("/api/v1/orders", order(clientOrderId, "MSFT", "BUY", "LMT", "10", "1.00")).text("id");
        ApiClient.Response read = api.get("/api/v1/orders/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"" + read.body().get("version").asLong() + "\"");

        ApiClient.Response modified = api.patch("/api/v1/orders/" + id, "{\"qty\":\"20\",\"limitPrice\":\"1.05\"}", etag);
        assertThat(modified.status()).isEqualTo(200);
        assertThat(modified.text("state")).isEqualTo("ROUTED");
        assertThat(modified.text("qty")).isEqualTo("20");
        assertThat(modified.text("limitPrice")).isEqualTo("1.05");
        assertThat(modified.header("ETag")).isNotEqualTo(etag)
                .isEqualTo("\"" + modified.body().get("version").asLong() + "\"");

        SimOrderView atIb = simulator.orders().stream().filter(o -> isOurs(o.orderRef(), clientOrderId))
                .findFirst().orElseThrow();
        assertThat(atIb.quantity()).isEqualByComparingTo("20");
        assertThat(atIb.limitPrice()).isEqualByComparingTo("1.05");
        ApiClient.Response again = api.get("/api/v1/orders/" + id);
        assertThat(again.text("qty")).isEqualTo("20");
        assertThat(again.header("ETag")).isEqualTo(modified.header("ETag"));

        // The first ETag is stale now: refused, nothing changes.
        ApiClient.Response stale = api.patch("/api/v1/orders/" + id, "{\"limitPrice\":\"1.10\"}", etag);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(api.get("/api/v1/orders/" + id).text("limitPrice")).isEqualTo("1.05");
        api.post("/api/v1/orders/" + id + "/cancel", "");
    }

    @Test
    void modifyWithoutIfMatchIsPreconditionRequired() {
        String id = api.post("/api/v1/orders", order(uniqueId("nom"), "MSFT", "BUY", "LMT", "10", "1.00")).text("id");
        ApiClient.Response answer = api.patch("/api/v1/orders/" + id, "{\"limitPrice\":\"1.10\"}", null);
        assertThat(answer.status()).isEqualTo(428);
        assertThat(answer.text("code")).isEqualTo("PRECONDITION_REQUIRED");
        assertThat(api.get("/api/v1/orders/" + id).text("limitPrice")).isEqualTo("1");
        api.post("/api/v1/orders/" + id + "/cancel", "");
    }

    @Test
    void modifyBodyErrorsAreFieldErrorsAndNothingIsSent() {
        String id = api.post("/api/v1/orders", order(uniqueId("bad"), "MSFT", "BUY", "LMT", "10", "1.00")).text("id");
        String etag = api.get("/api/v1/orders/" + id).header("ETag");
        ApiClient.Response answer = api.patch("/api/v1/orders/" + id, "{\"limitPrice\":\"1.001\",\"stopPrice\":\"0.90\"}", etag);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(answer.body().get("details").findValuesAsString("field")).containsExactlyInAnyOrder("limitPrice", "stopPrice");
        assertThat(api.patch("/api/v1/orders/" + id, "{}", etag).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/orders/" + id).header("ETag")).isEqualTo(etag);
        api.post("/api/v1/orders/" + id + "/cancel", "");
    }

    @Test
    void modifyBelowTheFilledQuantityIsRefused() {
        String symbol = "GOOGL";
        simulator.setHalted(symbol, true);
        try {
            BigDecimal limit = simulator.lastPrice(symbol).multiply(new BigDecimal("1.2")).setScale(2, RoundingMode.HALF_UP);
            String id = api.post("/api/v1/orders", order(uniqueId("pf"), symbol, "BUY", "LMT", "500", limit.toPlainString())).text("id");
            // One slice trades while the halt is lifted for a moment; the rest waits.
            simulator.setHalted(symbol, false);
            simulator.setHalted(symbol, true);
            ApiClient.Response partial = awaitState(id, "PARTIALLY_FILLED");
            BigDecimal filled = new BigDecimal(partial.text("filledQty"));
            assertThat(filled).isPositive().isLessThan(new BigDecimal("500"));

            ApiClient.Response answer = api.patch("/api/v1/orders/" + id, "{\"qty\":\"" + filled.toPlainString() + "\"}",
                    partial.header("ETag"));
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.text("code")).isEqualTo("STATE_CONFLICT");
            assertThat(answer.text("message")).contains("filled quantity");
            assertThat(api.get("/api/v1/orders/" + id).text("qty")).isEqualTo("500");
            api.post("/api/v1/orders/" + id + "/cancel", "");
        } finally {
            simulator.setHalted(symbol, false);
        }
    }

    @Test
    void modifyOfAFilledOrderIsAConflict() {
        String id = api.post("/api/v1/orders", order(uniqueId("mf"), "SPY", "BUY", "MKT", "1", null)).text("id");
        ApiClient.Response filled = awaitState(id, "FILLED");
        ApiClient.Response answer = api.patch("/api/v1/orders/" + id, "{\"qty\":\"2\"}", filled.header("ETag"));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("code")).isEqualTo("STATE_CONFLICT");
    }
}
