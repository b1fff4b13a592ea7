package io.oms.workflows.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryWaitsTest {

    @Test
    void jitterStaysWithinTwentyPercentEitherWay() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(RetryWaits.jittered(Duration.ofSeconds(100), random).toMillis()).isBetween(80_000L, 120_000L);
        }
    }

    @Test
    void retryAfterOnlyEverLengthensTheWaitAndIsCappedAtSixHours() {
        Duration planned = Duration.ofSeconds(30);
        assertThat(RetryWaits.effective(planned, null)).isEqualTo(planned);
        assertThat(RetryWaits.effective(planned, Duration.ofSeconds(5))).isEqualTo(planned);
        assertThat(RetryWaits.effective(planned, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryWaits.effective(planned, Duration.ofDays(3))).isEqualTo(Duration.ofHours(6));
        assertThat(RetryWaits.effective(Duration.ofHours(8), Duration.ofDays(3))).isEqualTo(Duration.ofHours(8));
    }
}
