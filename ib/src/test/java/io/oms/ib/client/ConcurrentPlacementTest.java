package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads placing at once must never put a lower order id on the wire after a higher one (IB answers 103). */
class ConcurrentPlacementTest {
    private GatewaySimulator sim;
    private IbConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) connector.close();
        if (sim != null) sim.close();
    }

    @Test
    void concurrentPlacementsAreAllAcknowledgedWithoutDuplicateIdRejects() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withVolatilityBps(BigDecimal.ZERO));
        sim.start();
        connector = new IbConnector(IbConnectionConfig.of("concurrent", "127.0.0.1", sim.port(), 3),
                OrderIdStore.inMemory(), new IbEventListener() {},
                new IbClientOptions(100, 195, 5_000, 5_000));
        connector.start();
        assertThat(connector.awaitReady(Duration.ofSeconds(10))).isTrue();

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletableFuture<PlaceAck>> acks = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                String ref = "order/t/c" + i;
                acks.add(CompletableFuture.supplyAsync(() -> connector.placeOrder(
                        OrderSpec.limit(ref, "DU1234567", "AAPL", "BUY", BigDecimal.ONE, new BigDecimal("1.00"), "DAY")), pool)
                        .thenCompose(f -> f));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<PlaceAck> results = acks.stream().map(CompletableFuture::join).toList();
        assertThat(results).noneMatch(PlaceAck::rejected);
        assertThat(results.stream().map(PlaceAck::orderId).distinct()).hasSize(400);
    }
}
