package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadBenchOptionsTest {
    private static final Map<String, String> ENV = Map.of("OMS_API_KEY", "k");

    @Test
    void appliesDocumentedDefaults() {
        ReadBenchOptions o = ReadBenchOptions.parse(new String[0], ENV);
        assertThat(o.orders()).isEqualTo(20);
        assertThat(o.requests()).isEqualTo(2000);
        assertThat(o.concurrency()).isEqualTo(1);
        assertThat(o.warmup()).isEqualTo(500);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.readCredential()).isEqualTo("k");
        assertThat(o.readsWithToken()).isFalse();
    }

    @Test
    void readsWithTheAccessTokenFromTheCommandLineOrTheEnvironment() {
        assertThat(ReadBenchOptions.parse(new String[] {"--token", "jwt.a.b"}, ENV).readCredential()).isEqualTo("jwt.a.b");
        ReadBenchOptions fromEnv = ReadBenchOptions.parse(new String[0], Map.of("OMS_API_KEY", "k", "OMS_ACCESS_TOKEN", "t"));
        assertThat(fromEnv.readCredential()).isEqualTo("t");
        assertThat(fromEnv.key()).isEqualTo("k");
        assertThat(fromEnv.readsWithToken()).isTrue();
    }

    @Test
    void refusesOutOfRangeRequestsAndNonLoopbackUrls() {
        assertThatThrownBy(() -> ReadBenchOptions.parse(new String[] {"--requests", "0"}, ENV))
                .hasMessageContaining("--requests must be within");
        assertThatThrownBy(() -> ReadBenchOptions.parse(new String[] {"--url", "http://example.com"}, ENV))
                .hasMessageContaining("loopback");
    }

    @Test
    void neverPrintsCredentials() {
        ReadBenchOptions o = ReadBenchOptions.parse(new String[] {"--token", "secret-token", "--key", "secret-key"}, Map.of());
        assertThat(o.toString()).doesNotContain("secret-token").doesNotContain("secret-key");
    }

    @Test
    void badArgumentsExitWithTwoAndUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReadBench.run(new String[] {"--nope", "1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --nope").contains("Usage: oms bench read");
    }
}
