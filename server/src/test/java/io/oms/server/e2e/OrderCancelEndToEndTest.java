package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancel semantics through the whole system: PENDING_CANCEL is live exposure until IB confirms. */
class OrderCancelEndToEndTest extends EndToEndTest {

    @AfterEach
    void promptCancels() {
        simulator.faults().delayCancels(Duration.ZERO);
    }

    @Test
    void cancelOfRestingLimitShowsPendingCancelThenCanceled() throws Exception {
        simulator.faults().delayCancels(Duration.ofMillis(1500));
        String id = api.post("/api/v1/orders", order(uniqueId("pc"), "MSFT", "BUY", "LMT", "10", "1.00")).text("id");
        CompletableFuture<ApiClient.Response> cancel = CompletableFuture.supplyAsync(() -> api.post("/api/v1/orders/" + id + "/cancel", ""));

        ApiClient.Response pending = awaitState(id, "PENDING_CANCEL");
        assertThat(pending.header("ETag")).isEqualTo("\"" + pending.body().get("version").asLong() + "\"");
        ApiClient.Response answer = cancel.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("state")).isEqualTo("CANCELED");
        assertThat(answer.header("ETag")).isEqualTo("\"" + answer.body().get("version").asLong() + "\"");
        assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("CANCELED");
    }

    @Test
    void fillDuringPendingCancelIsApplied() throws Exception {
        simulator.setPrice("TSLA", new BigDecimal("100.00"));
        simulator.faults().delayCancels(Duration.ofSeconds(3));
        String id = api.post("/api/v1/orders", order(uniqueId("fpc"), "TSLA", "BUY", "LMT", "5", "90.00")).text("id");
        assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("ROUTED");
        CompletableFuture<ApiClient.Response> cancel = CompletableFuture.supplyAsync(() -> api.post("/api/v1/orders/" + id + "/cancel", ""));
        awaitState(id, "PENDING_CANCEL");

        simulator.setPrice("TSLA", new BigDecimal("80.00")); // the market crosses the limit while the cancel is slow
        ApiClient.Response filled = awaitState(id, "FILLED");
        assertThat(new BigDecimal(filled.text("filledQty"))).isEqualByComparingTo("5");
        ApiClient.Response answer = cancel.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("state")).isEqualTo("FILLED");
        assertThat(api.get("/api/v1/orders/" + id + "/executions").body()).isNotEmpty();
        // IB's late refusal of the cancel (the order is filled) changes nothing.
        Thread.sleep(3500);
        assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("FILLED");
    }

    @Test
    void cancelOfFilledOrderIsAConflict() {
        String id = api.post("/api/v1/orders", order(uniqueId("cf"), "SPY", "BUY", "MKT", "1", null)).text("id");
        awaitState(id, "FILLED");
        ApiClient.Response cancel = api.post("/api/v1/orders/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(api.get("/api/v1/orders/" + id).text("state")).isEqualTo("FILLED");
    }
}
