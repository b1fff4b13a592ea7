package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcileBenchReportTest {

    private static ReconcileRun.Figures run(double synced, long runStart, Long ready, long run) {
        return new ReconcileRun.Figures(synced, runStart, ready, run, 0L, "SUCCEEDED",
                Map.of("brokerExecutions", 5000L), 0, 0, Map.of(), null);
    }

    @Test
    void aRunLineSplitsTheClientsFigureIntoTheServersParts() {
        String line = ReconcileBench.line(run(1486.4, 266, 223L, 1193));
        assertThat(line).startsWith("drop->SYNCED 1486 ms = drop->run start 266 ms (session ready at 223 ms)"
                + " + run 1193 ms + run end->SYNCED 0 ms");
        assertThat(line).contains("SUCCEEDED, compared {brokerExecutions=5000}, 0 findings");
    }

    @Test
    void leavesOutTheSessionReadyMomentWhenNoPollSawIt() {
        assertThat(ReconcileBench.line(run(1500, 300, null, 1200))).doesNotContain("session ready");
    }

    @Test
    void theMedianLineTakesEachFiguresMedianOverTheRunsThatHaveIt() {
        String median = ReconcileBench.medianLine(List.of(run(1679, 300, null, 1365), run(1362, 120, null, 1231),
                run(1486, 266, 223L, 1193)));
        assertThat(median).isEqualTo("drop->SYNCED 1486 ms = drop->run start 266 ms (session ready at 223 ms)"
                + " + run 1231 ms + run end->SYNCED 0 ms");
    }

    @Test
    void aFailedRunShowsItsError() {
        ReconcileRun.Figures failed = ReconcileRun.Figures.failed("not SYNCED within 120 s of the drop");
        assertThat(failed.ok()).isFalse();
        assertThat(ReconcileBench.line(failed)).isEqualTo("ERROR not SYNCED within 120 s of the drop");
        assertThat(ReconcileBench.medianLine(List.of(failed))).contains("drop->SYNCED n/a");
    }
}
