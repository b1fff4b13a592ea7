package io.oms.ib.sim;

import static io.oms.ib.sim.EngineHarness.d;
import static io.oms.ib.sim.EngineHarness.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.CommissionReport;
import io.oms.ib.msg.ExecDetails;
import io.oms.ib.msg.ExecutionFilter;
import io.oms.ib.msg.ReqExecutions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Late and missing commission reports. */
class CommissionFaultTest {
    final EngineHarness h = new EngineHarness();
    final RecordingSession c = h.connect(7);

    @AfterEach
    void close() { h.close(); }

    @Test
    void aMissingCommissionIsNeverSentLiveButReqExecutionsReplaysIt() {
        h.faults().dropCommissionReports(FaultRule.nextN(1));
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        h.place(c, order(2, "AAPL").buy(d("10")).market().build());
        assertThat(c.of(CommissionReport.class)).singleElement()
                .satisfies(r -> assertThat(r.execId()).isEqualTo(c.execs(2).get(0).execId()));
        c.clear();
        h.send(c, new ReqExecutions(3, ExecutionFilter.all()));
        assertThat(c.of(CommissionReport.class)).extracting(CommissionReport::execId)
                .containsExactlyElementsOf(c.of(ExecDetails.class).stream().map(ExecDetails::execId).toList());
    }

    @Test
    void aLateCommissionArrivesAfterTheNextExecution() {
        h.faults().delayCommissionReports(FaultRule.nextN(1), Duration.ofMillis(150));
        h.place(c, order(1, "AAPL").buy(d("10")).market().build());
        h.place(c, order(2, "AAPL").buy(d("10")).market().build());
        Waits.until("the late commission", () -> c.of(CommissionReport.class).size() == 2);
        String firstExec = c.execs(1).get(0).execId();
        assertThat(c.of(CommissionReport.class)).extracting(CommissionReport::execId).last().isEqualTo(firstExec);
        assertThat(c.transcript().indexOf("exec:2:10@190.01")).isLessThan(c.transcript().lastIndexOf("comm:1.00"));
    }
}
