package io.oms.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditChainerPropertiesTest {

    @Test
    void acceptsTheDefaults() {
        AuditChainerProperties p = new AuditChainerProperties(true, Duration.ofMillis(150), 1000);
        assertThat(p.pollInterval()).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void refusesAPollIntervalOutsideItsRangeNamingTheSetting() {
        assertThatThrownBy(() -> new AuditChainerProperties(true, Duration.ofMillis(5), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oms.audit.chainer.poll-interval");
        assertThatThrownBy(() -> new AuditChainerProperties(true, Duration.ofMinutes(2), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poll-interval");
    }

    @Test
    void refusesABatchSizeOutsideItsRange() {
        assertThatThrownBy(() -> new AuditChainerProperties(true, Duration.ofMillis(150), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oms.audit.chainer.batch-size");
        assertThatThrownBy(() -> new AuditChainerProperties(true, Duration.ofMillis(150), 10_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-size");
    }
}
