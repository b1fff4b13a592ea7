package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ErrorMessage;
import io.oms.ib.msg.OrderStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP control endpoint maps onto the same Java API (each route checked for its effect). */
@Timeout(30)
class ControlServerTest {
    final HttpClient http = HttpClient.newHttpClient();
    GatewaySimulator sim;
    String base;

    @BeforeEach
    void start() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withControlPort(0).withTickInterval(Duration.ZERO)
                .withSliceDelay(Duration.ZERO).withVolatilityBps(java.math.BigDecimal.ZERO)
                .withClockStart(EngineHarness.MONDAY_10AM));
        sim.start();
        base = "http://127.0.0.1:" + sim.controlPort();
    }

    @AfterEach
    void stop() { sim.close(); }

    HttpResponse<String> post(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void quotesClockAndAuctions() throws Exception {
        assertThat(post("/quote?symbol=AAPL&bid=100.00&ask=100.04&askSize=300").body())
                .contains("\"bid\":100.00", "\"ask\":100.04", "\"askSize\":300");
        assertThat(get("/quote?symbol=AAPL").body()).contains("\"bid\":100.00");
        assertThat(post("/clock/advance?ms=3600000").body()).isEqualTo("{\"time\":\"2026-03-02T16:00:00Z\"}");
        assertThat(post("/auction/close").statusCode()).isEqualTo(200);
        assertThat(sim.quote("AAPL").close()).isEqualByComparingTo("100.02");
        assertThat(post("/step?n=2").statusCode()).isEqualTo(200);
    }

    @Test
    void faultRoutesTakeEffectOnTheWire() throws Exception {
        try (SimTestClient c = SimTestClient.connect(sim.port(), 7).awaitReady()) {
            assertThat(post("/faults/status?kind=duplicate&next=1").statusCode()).isEqualTo(200);
            c.send(order(1, "AAPL").buy(d("10")).limit(d("150")).build());
            Waits.until("three statuses", () -> c.statuses(1).size() == 3);
            assertThat(c.statuses(1)).containsExactly("PreSubmitted", "PreSubmitted", "Submitted");
            assertThat(get("/orders").body()).contains("\"orderRef\":\"ref-1\"", "\"status\":\"Submitted\"");
            post("/connectivity/lost");
            c.awaitError(1100);
            post("/connectivity/restored?dataLost=true");
            c.awaitError(1101);
            assertThat(post("/restart?mode=keep_gtc").statusCode()).isEqualTo(200);
            c.awaitEof();
        }
        assertThat(sim.orders()).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo("Cancelled"));
        post("/refuse");
        assertThat(sim.faults().refusingConnections()).isTrue();
        post("/accept");
        assertThat(sim.faults().refusingConnections()).isFalse();
        try (SimTestClient c = SimTestClient.connect(sim.port(), 7).awaitReady()) {
            assertThat(post("/pacing?limit=3&mode=reject").statusCode()).isEqualTo(200);
            PacingTest.burstUntilCut(c, 10); // the third violation may cut the session mid-burst
            c.awaitEof();
            assertThat(c.of(ErrorMessage.class)).anySatisfy(e -> assertThat(e.code()).isEqualTo(100));
        }
    }

    @Test
    void correctionsThroughTheEndpoint() throws Exception {
        try (SimTestClient c = SimTestClient.connect(sim.port(), 7).awaitReady()) {
            c.send(order(1, "AAPL").buy(d("10")).market().build());
            c.await(OrderStatus.class, s -> s.status().equals("Filled"));
            String execId = sim.executions().get(0).execId();
            String body = post("/correct?execId=" + execId + "&price=189.50").body();
            assertThat(body).contains(execId.substring(0, execId.length() - 2) + "02", "\"price\":189.50");
            Waits.until("the corrected execution on the wire", () -> c.of(io.oms.ib.msg.ExecDetails.class).size() == 2);
        }
    }

    @Test
    void placementFaultsThroughTheEndpoint() throws Exception {
        try (SimTestClient c = SimTestClient.connect(sim.port(), 7).awaitReady()) {
            assertThat(post("/faults/placement?kind=swallow&next=1").statusCode()).isEqualTo(200);
            assertThat(post("/faults/placement?kind=delay-ack&next=1&ms=200").statusCode()).isEqualTo(200);
            c.send(order(1, "AAPL").buy(d("10")).market().build()); // swallowed
            c.send(order(2, "AAPL").buy(d("10")).market().build()); // works, acknowledged late
            Waits.until("the late acknowledgement", () -> c.statuses(2).contains("Filled"));
            assertThat(c.statuses(1)).isEmpty();
            assertThat(get("/placements?orderRef=ref-1").body()).isEqualTo("{\"orderRef\":\"ref-1\",\"received\":1,\"swallowed\":1}");
            assertThat(get("/placements?orderRef=ref-2").body()).isEqualTo("{\"orderRef\":\"ref-2\",\"received\":1,\"swallowed\":0}");
            assertThat(post("/faults/placement?kind=bogus").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void badRequestsAreRefusedWithTheRightStatus() throws Exception {
        assertThat(get("/price").statusCode()).isEqualTo(405);
        assertThat(post("/faults/status?kind=bogus").statusCode()).isEqualTo(400);
        assertThat(post("/price?symbol=AAPL").statusCode()).isEqualTo(400);
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        try (GatewaySimulator wall = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withControlPort(0))) {
            wall.start();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wall.controlPort()
                    + "/clock/advance?ms=1")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(409); // the system clock cannot be moved
        }
    }
}
