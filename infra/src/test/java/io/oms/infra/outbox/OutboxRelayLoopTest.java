package io.oms.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.config.OutboxRelayProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxRelayLoopTest {
    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        Duration initial = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(5);
        assertThat(OutboxRelayLoop.backoff(1, initial, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelayLoop.backoff(2, initial, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutboxRelayLoop.backoff(3, initial, max)).isEqualTo(Duration.ofSeconds(4));
        assertThat(OutboxRelayLoop.backoff(4, initial, max)).isEqualTo(max);
        assertThat(OutboxRelayLoop.backoff(1_000, initial, max)).isEqualTo(max);
    }

    @Test
    void settingsOutsideTheirBoundsAreRefused() {
        assertThatThrownBy(() -> new OutboxRelayProperties(true, Duration.ZERO, 10, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("poll-interval");
        assertThatThrownBy(() -> new OutboxRelayProperties(true, Duration.ofMillis(100), 0, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new OutboxRelayProperties(true, Duration.ofMillis(100), 10, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .hasMessageContaining("max-retry-backoff");
    }
}
