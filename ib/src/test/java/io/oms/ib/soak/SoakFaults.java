package io.oms.ib.soak;

import io.oms.ib.sim.FaultRule;
import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.RestartMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Random;

/**
 * The soak's fault schedule: background message faults for the whole run (duplicate, reordered and delayed
 * statuses, late and missing commissions, execution corrections), plus one disruptive fault at a time chosen
 * from the seeded random: socket drops, IB link outages with and without data loss, refused reconnects and
 * gateway restarts that reset nextValidId.
 */
final class SoakFaults {
    private final GatewaySimulator sim;
    private final Random random;
    private int injected;

    SoakFaults(GatewaySimulator sim, long seed) {
        this.sim = sim;
        this.random = new Random(seed ^ 0x5eed_fa17L);
    }

    void startBackgroundFaults() {
        sim.faults().duplicateOrderStatus(FaultRule.withProbability(0.05));
        sim.faults().reorderOrderStatus(FaultRule.withProbability(0.05));
        sim.faults().delayOrderStatus(FaultRule.withProbability(0.03), Duration.ofMillis(30));
        sim.faults().delayCommissionReports(FaultRule.withProbability(0.05), Duration.ofMillis(50));
        sim.faults().dropCommissionReports(FaultRule.withProbability(0.02));
        sim.faults().correctExecutions(FaultRule.withProbability(0.02), new BigDecimal("0.01"));
    }

    /** One disruptive fault, returned as a label for the test's log. Blocks at most a few hundred ms. */
    String injectOne() throws InterruptedException {
        injected++;
        switch (random.nextInt(5)) {
            case 0 -> {
                sim.faults().dropConnections();
                return "drop";
            }
            case 1 -> {
                sim.faults().connectivityLost();
                Thread.sleep(50 + random.nextInt(150));
                sim.faults().connectivityRestored(random.nextBoolean());
                return "1100 then 1101/1102";
            }
            case 2 -> {
                sim.faults().refuseConnectionsFor(Duration.ofMillis(100 + random.nextInt(200)));
                sim.faults().dropConnections();
                return "drop and refuse";
            }
            case 3 -> {
                sim.faults().restartGateway(RestartMode.KEEP_ORDERS, Duration.ofMillis(random.nextInt(200)));
                return "gateway restart";
            }
            default -> {
                Thread.sleep(random.nextInt(100));
                return "quiet";
            }
        }
    }

    void stop() {
        sim.faults().clear();
        sim.faults().acceptConnections();
    }

    int injected() { return injected; }
}
