package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The IB session's counters are published as meters, tagged with the connection, and move with real orders. */
class BrokerMetricsEndToEndTest extends EndToEndTest {

    @Test
    void placementsAndAckLatencyAreCountedPerConnection() {
        double before = value("oms.ib.placements");
        ApiClient.Response placed = api.post("/api/v1/orders", order(uniqueId("met"), "AAPL", "BUY", "MKT", "1", null));
        assertThat(placed.status()).isEqualTo(201);

        assertThat(value("oms.ib.placements")).isGreaterThanOrEqualTo(before + 1);
        assertThat(value("oms.ib.connects")).isGreaterThanOrEqualTo(1);
        assertThat(value("oms.ib.ack.latency.p99")).isPositive();
        ApiClient.Response meter = api.get("/actuator/metrics/oms.ib.placements");
        assertThat(meter.body().get("availableTags").toString()).contains("connection").contains("sim");
    }

    @Test
    void unknownMeterIsNotFound() {
        assertThat(api.get("/actuator/metrics/oms.ib.nonsense").status()).isEqualTo(404);
    }

    private double value(String meter) {
        ApiClient.Response response = api.await("/actuator/metrics/" + meter, r -> r.status() == 200, Duration.ofSeconds(5));
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("measurements").get(0).get("value").asDouble();
    }
}
