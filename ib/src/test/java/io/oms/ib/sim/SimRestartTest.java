package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.ib.msg.*;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A simulated gateway restart: sockets dropped, order-id sequences forgotten, orders kept per RestartMode. */
@Timeout(30)
class SimRestartTest {
    GatewaySimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withTickInterval(Duration.ZERO)
                .withSliceDelay(Duration.ZERO).withVolatilityBps(java.math.BigDecimal.ZERO));
        sim.start();
    }

    @AfterEach
    void stop() { sim.close(); }

    @Test
    void nextValidIdStartsAgainGtcOrdersSurviveAndAReusedIdModifiesThem() throws Exception {
        long gtcPermId;
        try (SimTestClient c = SimTestClient.connect(sim.port(), 7).awaitReady()) {
            c.send(order(1, "AAPL").buy(d("10")).limit(d("150")).tif("GTC").build());
            c.send(order(2, "AAPL").buy(d("10")).limit(d("150")).tif("DAY").build());
            c.send(order(3, "AAPL").buy(d("10")).market().build());
            gtcPermId = c.await(OrderStatus.class, s -> s.orderId() == 1).permId();
            c.await(OrderStatus.class, s -> s.orderId() == 3 && s.status().equals("Filled"));
            sim.faults().restartGateway(RestartMode.KEEP_GTC, Duration.ZERO);
            c.awaitEof();
        }
        try (SimTestClient c = SimTestClient.connect(sim.port(), 7).awaitReady()) {
            assertThat(c.of(NextValidId.class)).containsExactly(new NextValidId(1));
            c.send(new ReqOpenOrders());
            c.await(OpenOrderEnd.class, m -> true);
            assertThat(c.of(OpenOrder.class)).singleElement().satisfies(o -> assertThat(o.permId()).isEqualTo(gtcPermId));
            c.send(new ReqExecutions(1, ExecutionFilter.all()));
            assertThat(c.await(ExecDetails.class, x -> x.reqId() == 1).orderId()).isEqualTo(3); // the day's fills stay
            c.received.clear();
            c.send(order(1, "AAPL").buy(d("10")).limit(d("151")).tif("GTC").build()); // trusting nextValidId = 1
            OpenOrder modified = c.await(OpenOrder.class, o -> o.orderId() == 1);
            assertThat(modified.permId()).isEqualTo(gtcPermId);
            assertThat(modified.lmtPrice()).isEqualByComparingTo("151");
            c.send(order(2, "AAPL").buy(d("10")).limit(d("150")).build()); // the cancelled DAY order's id is free again
            assertThat(c.await(OrderStatus.class, s -> s.orderId() == 2).permId()).isNotEqualTo(gtcPermId);
        }
        assertThat(sim.orders()).filteredOn(o -> o.tif().equals("DAY") && o.status().equals("Cancelled")).hasSize(1);
    }

    @Test
    void cancelOrdersModeEndsEveryWorkingOrderAndDowntimeRefusesConnections() throws Exception {
        try (SimTestClient c = SimTestClient.connect(sim.port(), 7).awaitReady()) {
            c.send(order(1, "AAPL").buy(d("10")).limit(d("150")).tif("GTC").build());
            c.await(OrderStatus.class, s -> s.orderId() == 1);
        }
        sim.faults().restartGateway(RestartMode.CANCEL_ORDERS, Duration.ofMillis(300));
        assertThatThrownBy(() -> new Socket("127.0.0.1", sim.port()).close()).isInstanceOf(ConnectException.class);
        Waits.until("the gateway to come back", () -> !sim.faults().refusingConnections());
        assertThat(sim.orders()).allSatisfy(o -> assertThat(o.status()).isEqualTo("Cancelled"));
        try (SimTestClient c = SimTestClient.connect(sim.port(), 7).awaitReady()) {
            c.send(new ReqCompletedOrders(false));
            assertThat(c.await(CompletedOrder.class, o -> true).completedStatus()).isEqualTo("Cancelled by gateway restart");
        }
    }
}
