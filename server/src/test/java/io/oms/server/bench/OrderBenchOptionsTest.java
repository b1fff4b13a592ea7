package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class OrderBenchOptionsTest {

    @Test
    void acceptsOnlyLoopbackHosts() {
        assertThat(BenchCommandLine.loopbackUrl("http://127.0.0.1:8080/")).isEqualTo("http://127.0.0.1:8080");
        assertThat(BenchCommandLine.loopbackUrl("http://localhost:9000")).isEqualTo("http://localhost:9000");
        assertThat(BenchCommandLine.loopbackUrl("http://[::1]:8080")).isEqualTo("http://[::1]:8080");
        assertThatThrownBy(() -> BenchCommandLine.loopbackUrl("http://example.com:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> BenchCommandLine.loopbackUrl("http://10.0.0.5:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> BenchCommandLine.loopbackUrl("ftp://127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fallsBackToEnvironmentKeysInOrderAndFailsWithoutAny() {
        String[] noKey = {"--orders", "5"};
        assertThat(OrderBenchOptions.parse(noKey, Map.of("OMS_API_KEY", "a", "OMS_BOOTSTRAP_API_KEY", "b")).key()).isEqualTo("a");
        assertThat(OrderBenchOptions.parse(noKey, Map.of("OMS_BOOTSTRAP_API_KEY", "b")).key()).isEqualTo("b");
        assertThat(OrderBenchOptions.parse(new String[] {"--key=k"}, Map.of("OMS_API_KEY", "a")).key()).isEqualTo("k");
        assertThatThrownBy(() -> OrderBenchOptions.parse(noKey, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
    }

    @Test
    void appliesDocumentedDefaults() {
        OrderBenchOptions o = OrderBenchOptions.parse(new String[0], Map.of("OMS_API_KEY", "k"));
        assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.orders()).isEqualTo(1000);
        assertThat(o.concurrency()).isEqualTo(16);
        assertThat(o.account()).isEqualTo("DU1234567");
        assertThat(o.symbol()).isEqualTo("AAPL");
        assertThat(o.qty()).isEqualTo("1");
        assertThat(o.warmup()).isEqualTo(100);
        assertThat(o.runs()).isEqualTo(1);
    }

    @Test
    void rejectsOutOfRangeAndUnknownOptions() {
        Map<String, String> env = Map.of("OMS_API_KEY", "k");
        assertThatThrownBy(() -> OrderBenchOptions.parse(new String[] {"--orders", "0"}, env)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderBenchOptions.parse(new String[] {"--qty", "-1"}, env)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderBenchOptions.parse(new String[] {"--bogus", "1"}, env)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderBenchOptions.parse(new String[] {"--runs"}, env)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paceIsClosedLoopUnlessARateIsGivenWithinBounds() {
        assertThat(OrderBenchOptions.parse(new String[0], Map.of("OMS_API_KEY", "k")).rate()).isZero();
        assertThat(OrderBenchOptions.parse(new String[] {"--rate", "20"}, Map.of("OMS_API_KEY", "k")).rate()).isEqualTo(20);
        assertThatThrownBy(() -> OrderBenchOptions.parse(new String[] {"--rate", "-1"}, Map.of("OMS_API_KEY", "k")))
                .hasMessageContaining("--rate must be within");
        assertThatThrownBy(() -> OrderBenchOptions.parse(new String[] {"--rate", "fast"}, Map.of("OMS_API_KEY", "k")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
