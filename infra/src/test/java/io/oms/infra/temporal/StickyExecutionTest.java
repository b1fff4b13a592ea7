package io.oms.infra.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which setting turns sticky execution on; the stubs are never asked when the answer is already known. */
class StickyExecutionTest {

    @Test
    void autoKeepsStickyOnWhenTheServerSharesTheWorkersProcess() {
        assertThat(StickyExecution.scheduleToStartTimeout("auto", true, null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void explicitSettingsWinOverWhereTheServerRuns() {
        assertThat(StickyExecution.scheduleToStartTimeout("off", true, null)).isZero();
        assertThat(StickyExecution.scheduleToStartTimeout("on", false, null)).isEqualTo(Duration.ofSeconds(5));
    }
}
