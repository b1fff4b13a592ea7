package io.oms.api.killswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which switch blocks which order, the one-second cache, and what reduces exposure. */
class KillSwitchGateTest {
    private final List<KillSwitchRow> rows = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final KillSwitchRepository repository = new KillSwitchRepository(null) {
        @Override
        public List<KillSwitchRow> engaged() {
            reads.incrementAndGet();
            return List.copyOf(rows);
        }
    };
    private Instant now = Instant.parse("2026-12-01T15:00:00Z");
    private final KillSwitchGate gate = new KillSwitchGate(repository, new Clock() {
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    });

    private static KillSwitchRow row(String tenant, String scope, String id, String state) {
        return new KillSwitchRow(tenant, scope, id, state, "X", null, "u", Instant.EPOCH, 1);
    }

    @Test
    void aHaltedTenantBlocksEveryOrderOfThatTenantOnly() {
        rows.add(row("t1", "TENANT", "t1", "HALTED"));
        assertThat(gate.check("t1", "DU1", null, () -> true)).isPresent();
        assertThat(gate.check("t2", "DU1", null, () -> false)).isEmpty();
    }

    @Test
    void anAccountOrStrategySwitchBlocksOnlyItsAccountOrStrategy() {
        rows.add(row("t1", "ACCOUNT", "DU1", "HALTED"));
        rows.add(row("t1", "STRATEGY", "s1", "HALTED"));
        assertThat(gate.check("t1", "DU1", null, () -> false)).isPresent();
        assertThat(gate.check("t1", "DU2", null, () -> false)).isEmpty();
        assertThat(gate.check("t1", "DU2", "s1", () -> false)).isPresent();
        assertThat(gate.check("t2", "DU1", null, () -> false)).as("another tenant's account of the same code").isEmpty();
    }

    @Test
    void theGlobalSwitchBlocksEveryTenant() {
        rows.add(row("_system", "GLOBAL", "global", "HALTED"));
        assertThat(gate.check("anyone", "DU9", null, () -> true)).isPresent();
    }

    @Test
    void reducingBlocksOnlyOrdersThatDoNotReduceAndHaltedWins() {
        rows.add(row("t1", "TENANT", "t1", "REDUCING"));
        assertThat(gate.check("t1", "DU1", null, () -> true)).isEmpty();
        assertThat(gate.check("t1", "DU1", null, () -> false)).get().extracting(KillSwitchRow::state).isEqualTo("REDUCING");
        rows.add(row("t1", "ACCOUNT", "DU1", "HALTED"));
        gate.invalidate();
        assertThat(gate.check("t1", "DU1", null, () -> true)).get().extracting(KillSwitchRow::state).isEqualTo("HALTED");
    }

    @Test
    void readsTheTableAtMostOncePerSecondUnlessInvalidated() {
        gate.check("t1", "DU1", null, () -> true);
        rows.add(row("t1", "TENANT", "t1", "HALTED"));
        assertThat(gate.check("t1", "DU1", null, () -> true)).as("cached").isEmpty();
        now = now.plusMillis(KillSwitchGate.MAX_AGE_MILLIS);
        assertThat(gate.check("t1", "DU1", null, () -> true)).isPresent();
        assertThat(reads.get()).isEqualTo(2);
        gate.invalidate();
        gate.check("t1", "DU1", null, () -> true);
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void anOrderReducesWhenItShrinksTheAbsolutePositionWithoutFlippingBeyondIt() {
        assertThat(KillSwitchRefusals.reduces(new BigDecimal("10"), Side.SELL, new BigDecimal("5"))).isTrue();
        assertThat(KillSwitchRefusals.reduces(new BigDecimal("10"), Side.SELL, new BigDecimal("10"))).isTrue();
        assertThat(KillSwitchRefusals.reduces(new BigDecimal("10"), Side.SELL, new BigDecimal("20"))).isFalse();
        assertThat(KillSwitchRefusals.reduces(new BigDecimal("10"), Side.BUY, new BigDecimal("1"))).isFalse();
        assertThat(KillSwitchRefusals.reduces(new BigDecimal("-4"), Side.BUY, new BigDecimal("3"))).isTrue();
        assertThat(KillSwitchRefusals.reduces(BigDecimal.ZERO, Side.SELL, BigDecimal.ONE)).isFalse();
    }
}
