package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskBenchOptionsTest {
    @Test
    void appliesDocumentedDefaults() {
        RiskBenchOptions o = RiskBenchOptions.parse(new String[0], Map.of());
        assertThat(o.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/oms_bench_risk");
        assertThat(o.limits()).isEqualTo(50);
        assertThat(o.workingOrders()).isEqualTo(100);
        assertThat(o.filledOrders()).isEqualTo(500);
        assertThat(o.checks()).isEqualTo(5000);
        assertThat(o.runs()).isEqualTo(3);
    }

    @Test
    void refusesToRebuildADatabaseOffLoopback() {
        assertThatThrownBy(() -> RiskBenchOptions.parse(new String[] {"--db-url", "jdbc:postgresql://db.example.com/oms"}, Map.of()))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> RiskBenchOptions.parse(new String[] {"--db-url", "jdbc:mysql://127.0.0.1/x"}, Map.of()))
                .hasMessageContaining("jdbc:postgresql://");
    }

    @Test
    void refusesOutOfRangeCounts() {
        assertThatThrownBy(() -> RiskBenchOptions.parse(new String[] {"--limits", "1001"}, Map.of()))
                .hasMessageContaining("--limits must be within");
        assertThatThrownBy(() -> RiskBenchOptions.parse(new String[] {"--checks", "0"}, Map.of()))
                .hasMessageContaining("--checks must be within");
    }
}
