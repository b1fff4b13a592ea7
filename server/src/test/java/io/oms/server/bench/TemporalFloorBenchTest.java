package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code oms bench temporal}: its options, and a short run that finishes every order it submits. */
class TemporalFloorBenchTest {

    @Test
    void appliesDocumentedDefaultsAndRefusesAnUnknownTransport() {
        TemporalFloorBench.Options o = TemporalFloorBench.parse(new String[0], Map.of());
        assertThat(o).isEqualTo(new TemporalFloorBench.Options(2000, 8, 2000, 3, false));
        assertThat(TemporalFloorBench.parse(new String[] {"--transport", "tcp"}, Map.of()).tcp()).isTrue();
        assertThatThrownBy(() -> TemporalFloorBench.parse(new String[] {"--transport", "udp"}, Map.of()))
                .hasMessageContaining("--transport must be in-process or tcp");
        assertThatThrownBy(() -> TemporalFloorBench.parse(new String[] {"--concurrency", "0"}, Map.of()))
                .hasMessageContaining("--concurrency must be within");
    }

    @Test
    void aShortRunFinishesEveryOrderAndPrintsItsFigures() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TemporalFloorBench.run(new String[] {"--orders", "20", "--warmup", "10", "--runs", "2", "--concurrency", "4"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher median = Pattern.compile("median of 2 runs: submit p50 [0-9.]+ ms  p99 [0-9.]+ ms  ([0-9]+) orders/s  CPU ([0-9.]+) ms/order")
                .matcher(printed);
        assertThat(median.find()).as(printed).isTrue();
        assertThat(Integer.parseInt(median.group(1))).as("orders/s").isPositive();
        assertThat(Double.parseDouble(median.group(2))).as("CPU per order").isPositive();
    }
}
