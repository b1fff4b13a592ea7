package io.oms.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconciliationPropertiesTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void acceptsTheDefaults() {
        ReconciliationProperties p = new ReconciliationProperties(true, TEN_SECONDS, MINUTE, Duration.ofDays(7));
        assertThat(p.quietRunRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void refusesAQuietRunRetentionUnderAnHourNamingTheSetting() {
        assertThatThrownBy(() -> new ReconciliationProperties(true, TEN_SECONDS, MINUTE, Duration.ofMinutes(59)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oms.reconciliation.quiet-run-retention");
        assertThat(new ReconciliationProperties(true, TEN_SECONDS, MINUTE, Duration.ofHours(1)).quietRunRetention())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesCheckIntervalsUnderASecond() {
        assertThatThrownBy(() -> new ReconciliationProperties(true, Duration.ofMillis(500), MINUTE, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open-orders-interval");
        assertThatThrownBy(() -> new ReconciliationProperties(true, TEN_SECONDS, Duration.ofMillis(500), Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positions-interval");
    }
}
