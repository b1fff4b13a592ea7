package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimExecution;
import io.oms.ib.sim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Exec ids never repeat, even across simulator restarts with the same seed (a ledger keys fills by them). */
class SimulatorExecIdTest {

    @Test
    void restartedSimulatorWithTheSameSeedNeverReusesAnExecId() throws Exception {
        List<String> first = fillOneOrder();
        List<String> second = fillOneOrder();
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    }

    private static List<String> fillOneOrder() throws Exception {
        try (GatewaySimulator sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withSeed(42))) {
            sim.start();
            try (IbConnector connector = new IbConnector(IbConnectionConfig.of("exec-ids", "127.0.0.1", sim.port(), 9),
                    OrderIdStore.inMemory(), new IbEventListener() {})) {
                connector.start();
                assertThat(connector.awaitReady(Duration.ofSeconds(10))).isTrue();
                connector.placeOrder(OrderSpec.market("order/t/x", "DU1234567", "AAPL", "BUY", BigDecimal.ONE))
                        .get(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (sim.executions().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                return sim.executions().stream().map(SimExecution::execId).toList();
            }
        }
    }
}
