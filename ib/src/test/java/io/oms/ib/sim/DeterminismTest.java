package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same seed and the same inputs give the same prices, partial-fill sizes and fault decisions; exec ids
 * are the one deliberate exception (unique per instance), so transcripts leave them out.
 */
class DeterminismTest {

    /** A busy session: a walking market, orders of several types, sizes bounded by the (random) displayed size. */
    static List<String> run(long seed) {
        SimulatorConfig cfg = EngineHarness.config().withSeed(seed).withVolatilityBps(new BigDecimal("25"))
                .withMaxFillSlice(new BigDecimal("100000"));
        try (EngineHarness h = new EngineHarness(cfg)) {
            RecordingSession c = h.connect(7);
            h.faults().duplicateOrderStatus(FaultRule.withProbability(0.3));
            h.faults().correctExecutions(FaultRule.withProbability(0.3), d("0.02"));
            List<String> out = new ArrayList<>();
            h.place(c, order(1, "AAPL").buy(d("2500")).market().build());
            h.place(c, order(2, "MSFT").sell(d("300")).limit(d("410.10")).build());
            h.place(c, order(3, "AAPL").sell(d("200")).trailAmount(d("0.50")).build());
            h.place(c, order(4, "SPY").buy(d("5000")).market().tif("IOC").build());
            for (int i = 0; i < 30; i++) {
                h.step(1);
                Quote q = h.engine.call(() -> h.engine.market.of("AAPL").snapshot());
                out.add(q.bid() + "/" + q.ask() + " " + q.bidSize() + "x" + q.askSize() + " last " + q.last());
            }
            out.addAll(c.transcript());
            for (SimExecution x : h.engine.executions) out.add(x.symbol() + " " + x.shares() + "@" + x.price());
            return out;
        }
    }

    @Test
    void theSameSeedAndInputsGiveTheSameRun() {
        List<String> first = run(42);
        assertThat(first).anyMatch(l -> l.startsWith("exec:1:")).anyMatch(l -> l.startsWith("exec:4:"));
        assertThat(run(42)).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        assertThat(run(43)).isNotEqualTo(run(42));
    }

    @Test
    void aSymbolsPathDoesNotDependOnWhichOtherSymbolsExist() {
        assertThat(aaplPath(false)).isEqualTo(aaplPath(true));
    }

    private static List<BigDecimal> aaplPath(boolean touchAnotherSymbol) {
        try (EngineHarness h = new EngineHarness(EngineHarness.config().withVolatilityBps(new BigDecimal("10")))) {
            List<BigDecimal> path = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                if (touchAnotherSymbol && i == 5) h.engine.run(() -> h.engine.market.of("NEWCO"));
                h.step(1);
                path.add(h.engine.call(() -> h.engine.market.mid("AAPL")));
            }
            return path;
        }
    }

    @Test
    void zeroVolatilityFreezesTheMarket() {
        try (EngineHarness h = new EngineHarness()) {
            Quote before = h.engine.call(() -> h.engine.market.of("AAPL").snapshot());
            h.step(10);
            assertThat(h.engine.call(() -> h.engine.market.of("AAPL").snapshot())).isEqualTo(before);
        }
    }
}
