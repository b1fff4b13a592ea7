package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reconnect delays: exponential ceiling, capped, and full jitter (uniform from zero) from an injected random source. */
class BackoffTest {
    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    @Test
    void ceilingDoublesPerAttemptUntilTheCap() {
        Backoff b = new Backoff(BASE, MAX, new Random(1));
        assertThat(List.of(0, 1, 2, 3, 5, 6, 40, 1_000).stream().map(b::ceiling).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 3_200L, 5_000L, 5_000L, 5_000L);
    }

    @Test
    void everyDelayLiesBetweenZeroAndTheCeiling() {
        Backoff b = new Backoff(BASE, MAX, new Random(7));
        for (int attempt = 0; attempt < 50; attempt++) {
            for (int i = 0; i < 200; i++) {
                assertThat(b.delay(attempt)).isBetween(Duration.ZERO, b.ceiling(attempt));
            }
        }
    }

    @Test
    void jitterIsFullNotEqualDelaysSpreadFromNearZeroToNearTheCeiling() {
        Backoff b = new Backoff(BASE, MAX, new Random(42));
        long cap = b.ceiling(4).toMillis(); // 1600 ms
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) delays.add(b.delay(4).toMillis());
        // "Equal jitter" would never go below cap/2; full jitter covers the whole range evenly.
        assertThat(delays.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(cap / 20);
        assertThat(delays.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(cap * 19 / 20);
        assertThat(delays.stream().filter(d -> d < cap / 2).count()).isBetween(800L, 1_200L);
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        Backoff a = new Backoff(BASE, MAX, new Random(123));
        Backoff b = new Backoff(BASE, MAX, new Random(123));
        for (int attempt = 0; attempt < 20; attempt++) assertThat(a.delay(attempt)).isEqualTo(b.delay(attempt));
    }

    @Test
    void aZeroBaseMeansImmediateRetries() {
        Backoff b = new Backoff(Duration.ZERO, Duration.ZERO, new Random(1));
        assertThat(b.delay(0)).isZero();
        assertThat(b.delay(10)).isZero();
    }
}
