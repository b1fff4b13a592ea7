package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The connector benchmark's options and one short real run against the simulator. */
class ConnectorBenchTest {

    @Test
    void shortRunPrintsPercentilesAndRate() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ConnectorBench.run(new String[] {"--orders", "40", "--warmup", "10", "--runs", "1", "--concurrency", "4"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(out).contains("(40 acks)").containsPattern("median of 1 runs: place->ack p50 [0-9.]+ ms  p99 [0-9.]+ ms");
    }

    @Test
    void rejectsUnknownOrOutOfRangeOptions() {
        assertThat(ConnectorBench.parse(new String[] {"--orders", "0"})).isNull();
        assertThat(ConnectorBench.parse(new String[] {"--concurrency"})).isNull();
        assertThat(ConnectorBench.parse(new String[] {"--bogus"})).isNull();
        assertThat(ConnectorBench.parse(new String[] {"--pacing", "45"}).pacing()).isEqualTo(45.0);
    }
}
