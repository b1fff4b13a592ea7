package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.*;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 1100 / 1101 / 1102: IB-side connectivity with the API socket up, over a real socket. */
@Timeout(30)
class ConnectivityFaultTest {
    GatewaySimulator sim;
    SimTestClient client;

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (sim != null) sim.close();
    }

    void start() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withTickInterval(Duration.ZERO)
                .withSliceDelay(Duration.ZERO).withVolatilityBps(new BigDecimal("10")));
        sim.start();
        client = SimTestClient.connect(sim.port(), 7).awaitReady();
        client.send(MarketDataTest.aapl(5));
        client.await(TickString.class, t -> t.tickerId() == 5);
    }

    int tickCount() { return client.of(TickPrice.class).size() + client.of(TickSize.class).size(); }

    @Test
    void whileLostTicksStopAndOrderReportsAreLostThen1101ForgetsSubscriptions() throws Exception {
        start();
        client.send(order(1, "AAPL").buy(d("10")).limit(d("150")).build());
        client.await(OrderStatus.class, s -> s.orderId() == 1);
        sim.faults().connectivityLost();
        assertThat(client.awaitError(1100).id()).isEqualTo(-1);
        int ticks = tickCount();
        sim.stepMarket(3);
        sim.setPrice("AAPL", new BigDecimal("149")); // the resting order fills at IB ...
        assertThat(sim.executions()).hasSize(1);
        sim.sync();
        Waits.never(Duration.ofMillis(200), "ticks or fills during the outage",
                () -> tickCount() > ticks || !client.of(ExecDetails.class).isEmpty()); // ... but the report is lost
        sim.faults().connectivityRestored(true);
        client.awaitError(1101);
        sim.stepMarket(2);
        sim.sync();
        Waits.never(Duration.ofMillis(200), "ticks on a subscription 1101 dropped", () -> tickCount() > ticks);
        assertThat(sim.marketDataSubscriptions()).isZero();
        client.send(MarketDataTest.aapl(5)); // the same ticker id is free again
        Waits.until("ticks after re-requesting", () -> tickCount() > ticks);
        client.send(new ReqExecutions(9, ExecutionFilter.all()));
        assertThat(client.await(ExecDetails.class, x -> x.reqId() == 9).orderId()).isEqualTo(1); // recoverable
    }

    @Test
    void restoredWithDataMaintainedResumesTheSameSubscription() throws Exception {
        start();
        sim.faults().connectivityLost();
        client.awaitError(1100);
        sim.faults().connectivityRestored(false);
        client.awaitError(1102);
        int ticks = tickCount();
        sim.stepMarket(1);
        Waits.until("ticks resuming without a new request", () -> tickCount() > ticks);
        assertThat(sim.marketDataSubscriptions()).isEqualTo(1);
    }

    @Test
    void aSessionOpenedDuringTheOutageHearsAbout1100() throws Exception {
        start();
        sim.faults().connectivityLost();
        try (SimTestClient late = SimTestClient.connect(sim.port(), 8).awaitReady()) {
            late.awaitError(1100);
        }
    }

    @Test
    void stopsAreNotElectedWhileIbIsUnreachable() {
        try (EngineHarness h = new EngineHarness()) {
            RecordingSession c = h.connect(7);
            h.place(c, order(1, "AAPL").buy(d("10")).stop(d("191")).build());
            h.engine.run(h.engine.connectivity::lose);
            h.setPrice("AAPL", "192");
            assertThat(h.order(7, 1).status()).isEqualTo("PreSubmitted");
            h.engine.run(() -> h.engine.connectivity.restore(false));
            assertThat(h.order(7, 1).status()).isEqualTo("Filled");
            assertThat(c.errorCodes()).containsExactly(1100, 1102);
        }
    }
}
