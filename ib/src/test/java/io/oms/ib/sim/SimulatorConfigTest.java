package io.oms.ib.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OMS_SIM_* parsing and the compatibility of the original constructor. */
class SimulatorConfigTest {

    @Test
    void everyKnobIsReadFromTheEnvironment() {
        Map<String, String> env = Map.ofEntries(Map.entry("OMS_SIM_SEED", "7"), Map.entry("OMS_SIM_VOLATILITY_BPS", "12.5"),
                Map.entry("OMS_SIM_ACCOUNTS", "DU1, DU2"), Map.entry("OMS_SIM_PRICES", "IBM=250.10,AAPL=191"),
                Map.entry("OMS_SIM_REJECT_SYMBOLS", "BAD,WORSE"), Map.entry("OMS_SIM_COMMISSION_PER_SHARE", "0.01"),
                Map.entry("OMS_SIM_TIME_ZONE", "Europe/London"), Map.entry("OMS_SIM_OPEN_TIME", "08:00"),
                Map.entry("OMS_SIM_CLOSE_TIME", "16:30"), Map.entry("OMS_SIM_PACING_LIMIT", "50"),
                Map.entry("OMS_SIM_PACING_MODE", "pace"), Map.entry("OMS_SIM_MAX_MKT_DATA_LINES", "3"),
                Map.entry("OMS_SIM_CLOCK_START", "2026-03-02T15:00:00Z"), Map.entry("OMS_SIM_TICK_MS", "0"),
                Map.entry("OMS_SIM_SLICE", "10"), Map.entry("OMS_SIM_SLICE_DELAY_MS", "400"));
        SimulatorConfig c = SimulatorEnvironment.apply(SimulatorConfig.defaults(), env::get);
        assertThat(c.seed()).isEqualTo(7);
        assertThat(c.volatilityBps()).isEqualByComparingTo("12.5");
        assertThat(c.accounts()).containsExactly("DU1", "DU2");
        assertThat(c.initialPrices()).containsEntry("IBM", new BigDecimal("250.10"));
        assertThat(c.rejectSymbols()).containsExactlyInAnyOrder("BAD", "WORSE");
        assertThat(c.commissionPerShare()).isEqualByComparingTo("0.01");
        assertThat(c.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(c.openTime()).isEqualTo(LocalTime.of(8, 0));
        assertThat(c.closeTime()).isEqualTo(LocalTime.of(16, 30));
        assertThat(c.pacingLimit()).isEqualTo(50);
        assertThat(c.pacingMode()).isEqualTo(PacingMode.PACE);
        assertThat(c.maxMarketDataLines()).isEqualTo(3);
        assertThat(c.clockStart()).isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
        assertThat(c.tickInterval()).isEqualTo(Duration.ZERO);
        assertThat(c.maxFillSlice()).isEqualByComparingTo("10");
        assertThat(SimulatorEnvironment.apply(c, Map.of("OMS_SIM_CLOSE_TIME", "off")::get).closeTime()).isNull();
    }

    @Test
    void theOriginalConstructorStillWorksWithDefaultsForNewSettings() {
        SimulatorConfig c = new SimulatorConfig("127.0.0.1", 0, List.of("DU1"), 1L, Map.of(), BigDecimal.ONE,
                Duration.ofMillis(100), BigDecimal.TEN, Duration.ofMillis(10), Set.of(), new BigDecimal("0.005"), -1);
        assertThat(c.pacingLimit()).isZero();
        assertThat(c.closeTime()).isEqualTo(LocalTime.of(16, 0));
        assertThat(c.clockStart()).isNull();
        assertThat(c.withPacingLimit(5).withSeed(9)).satisfies(x -> {
            assertThat(x.pacingLimit()).isEqualTo(5);
            assertThat(x.seed()).isEqualTo(9);
            assertThat(x.accounts()).containsExactly("DU1");
        });
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> SimulatorConfig.defaults().withPacingLimit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorConfig.defaults().withOpenTime(LocalTime.of(17, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatorConfig.defaults().withVolatilityBps(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClockStartRunsTheSimulatorOnAManualClock() {
        try (GatewaySimulator sim = new GatewaySimulator(SimulatorConfig.defaults().withClockStart(EngineHarness.MONDAY_10AM))) {
            assertThat(sim.clock()).isInstanceOf(ManualClock.class);
            sim.advanceClock(Duration.ofMinutes(1));
            assertThat(sim.clock().instant()).isEqualTo(EngineHarness.MONDAY_10AM.plusSeconds(60));
        }
        try (GatewaySimulator sim = new GatewaySimulator(SimulatorConfig.defaults())) {
            assertThatThrownBy(() -> sim.advanceClock(Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        }
    }
}
