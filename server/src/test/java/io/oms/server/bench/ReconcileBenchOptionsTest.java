package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcileBenchOptionsTest {
    private static final Map<String, String> ENV = Map.of("OMS_API_KEY", "k");
    private static final String CONTROL = "http://127.0.0.1:4003/";

    @Test
    void appliesDocumentedDefaults() {
        ReconcileBenchOptions o = ReconcileBenchOptions.parse(new String[] {"--sim-control", CONTROL}, ENV);
        assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.simControl()).isEqualTo("http://127.0.0.1:4003");
        assertThat(o.orders()).isEqualTo(1000);
        assertThat(o.qty()).isEqualByComparingTo("500");
        assertThat(o.concurrency()).isEqualTo(4);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.timeoutSeconds()).isEqualTo(120);
        assertThat(o.account()).isEqualTo("DU1234567");
        assertThat(o.key()).isEqualTo("k");
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        ReconcileBenchOptions o = ReconcileBenchOptions.parse(new String[] {"--sim-control=http://localhost:9", "--url",
                "http://127.0.0.1:18095", "--orders=50", "--qty", "250.0", "--runs", "5", "--timeout=30",
                "--account", "DU7", "--concurrency", "8"}, ENV);
        assertThat(o.simControl()).isEqualTo("http://localhost:9");
        assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:18095");
        assertThat(o.orders()).isEqualTo(50);
        assertThat(o.qty()).isEqualTo(new BigDecimal("250"));
        assertThat(o.runs()).isEqualTo(5);
        assertThat(o.timeoutSeconds()).isEqualTo(30);
        assertThat(o.account()).isEqualTo("DU7");
        assertThat(o.concurrency()).isEqualTo(8);
    }

    @Test
    void requiresTheSimulatorsControlEndpointOnLoopback() {
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(new String[0], ENV))
                .hasMessageContaining("--sim-control is required");
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(new String[] {"--sim-control", "http://example.com:4003"}, ENV))
                .hasMessageContaining("--sim-control").hasMessageContaining("loopback");
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(
                new String[] {"--sim-control", CONTROL, "--url", "http://10.0.0.1:8080"}, ENV))
                .hasMessageContaining("loopback");
    }

    @Test
    void refusesOutOfRangeValues() {
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(new String[] {"--sim-control", CONTROL, "--qty", "0"}, ENV))
                .hasMessageContaining("--qty must be within");
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(new String[] {"--sim-control", CONTROL, "--qty", "x"}, ENV))
                .hasMessageContaining("--qty expects a number");
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(new String[] {"--sim-control", CONTROL, "--orders", "0"}, ENV))
                .hasMessageContaining("--orders must be within");
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(new String[] {"--sim-control", CONTROL, "--timeout", "0"}, ENV))
                .hasMessageContaining("--timeout must be within");
    }

    @Test
    void refusesAWarmupItDoesNotHave() {
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(new String[] {"--sim-control", CONTROL, "--warmup", "5"}, ENV))
                .hasMessageContaining("unknown option --warmup");
    }

    @Test
    void needsAnApiKeyAndNeverPrintsIt() {
        assertThatThrownBy(() -> ReconcileBenchOptions.parse(new String[] {"--sim-control", CONTROL}, Map.of()))
                .hasMessageContaining("no API key");
        ReconcileBenchOptions o = ReconcileBenchOptions.parse(new String[] {"--sim-control", CONTROL, "--key", "secret-key"},
                Map.of());
        assertThat(o.toString()).doesNotContain("secret-key");
    }

    @Test
    void helpExitsWithZeroAndBadArgumentsWithTwoAndUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int help = ReconcileBench.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), ENV);
        assertThat(help).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: oms bench reconcile");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int bad = ReconcileBench.run(new String[] {"--nope", "1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV);
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --nope")
                .contains("Usage: oms bench reconcile");
    }
}
