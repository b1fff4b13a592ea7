package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.*;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Execution corrections: same execution, exec id suffix bumped (.01 -> .02), the later one supersedes. */
class ExecutionCorrectionTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c = h.connect(7);

    @AfterEach
    void close() { h.close(); }

    @Test
    void aCorrectedExecutionFollowsWithSuffix02AndItsOwnCommission() {
        h.faults().correctExecutions(FaultRule.nextN(1), d("0.05"));
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        assertThat(c.execs(1)).hasSize(2);
        ExecDetails original = c.execs(1).get(0);
        ExecDetails corrected = c.execs(1).get(1);
        assertThat(original.execId()).endsWith(".01");
        assertThat(corrected.execId()).isEqualTo(original.execId().substring(0, original.execId().length() - 3) + ".02");
        assertThat(corrected.price()).isEqualByComparingTo("190.06");
        assertThat(corrected.shares()).isEqualByComparingTo(original.shares());
        assertThat(corrected.time()).isEqualTo(original.time());
        assertThat(c.of(CommissionReport.class)).extracting(CommissionReport::execId)
                .containsExactly(original.execId(), corrected.execId());
    }

    @Test
    void replaysAndPositionsUseTheLatestVersionOnly() {
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        String execId = c.execs(1).get(0).execId();
        SimExecution v2 = h.faults().correctExecution(execId, d("189.00"));
        SimExecution v3 = h.faults().correctExecution(execId, d("188.00"));
        assertThat(v2.execId()).endsWith(".02");
        assertThat(v3.execId()).endsWith(".03");
        c.clear();
        h.send(c, new ReqExecutions(1, ExecutionFilter.all()));
        assertThat(c.of(ExecDetails.class)).singleElement().satisfies(x -> {
            assertThat(x.execId()).isEqualTo(v3.execId());
            assertThat(x.price()).isEqualByComparingTo("188.00");
        });
        c.clear();
        h.send(c, new ReqPositions());
        assertThat(c.of(Position.class)).singleElement().satisfies(p -> assertThat(p.avgCost()).isEqualByComparingTo("188"));
    }
}
