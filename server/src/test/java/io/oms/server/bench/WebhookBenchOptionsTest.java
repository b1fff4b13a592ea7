package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookBenchOptionsTest {
    private static final Map<String, String> ENV = Map.of("OMS_API_KEY", "k");

    @Test
    void appliesDocumentedDefaults() {
        WebhookBenchOptions o = WebhookBenchOptions.parse(new String[0], ENV);
        assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.dbUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/oms");
        assertThat(o.dbUser()).isEqualTo("postgres");
        assertThat(o.tenant()).isEqualTo("demo");
        assertThat(o.endpoints()).isEqualTo(10);
        assertThat(o.events()).isEqualTo(1000);
        assertThat(o.eventsPerOrder()).isEqualTo(5);
        assertThat(o.rate()).isEqualTo(200);
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.timeoutSeconds()).isEqualTo(120);
        assertThat(o.key()).isEqualTo("k");
    }

    @Test
    void readsEveryOptionInBothSpellingsAndTheDatabaseFromTheEnvironment() {
        WebhookBenchOptions o = WebhookBenchOptions.parse(new String[] {"--url", "http://127.0.0.1:18095/",
                "--endpoints=3", "--events", "50", "--events-per-order=2", "--rate", "0", "--runs", "5",
                "--timeout=30", "--tenant", "acme"}, Map.of("OMS_API_KEY", "k",
                "OMS_DB_URL", "jdbc:postgresql://localhost:5432/oms_bench_fanout", "OMS_DB_USER", "oms"));
        assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:18095");
        assertThat(o.dbUrl()).isEqualTo("jdbc:postgresql://localhost:5432/oms_bench_fanout");
        assertThat(o.dbUser()).isEqualTo("oms");
        assertThat(o.endpoints()).isEqualTo(3);
        assertThat(o.events()).isEqualTo(50);
        assertThat(o.eventsPerOrder()).isEqualTo(2);
        assertThat(o.rate()).isZero();
        assertThat(o.runs()).isEqualTo(5);
        assertThat(o.timeoutSeconds()).isEqualTo(30);
        assertThat(o.tenant()).isEqualTo("acme");
        assertThat(WebhookBenchOptions.parse(new String[] {"--db-url", "jdbc:postgresql://[::1]:5432/x"}, ENV).dbUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/x");
    }

    @Test
    void refusesRemoteTargetsAndOutOfRangeValues() {
        assertThatThrownBy(() -> WebhookBenchOptions.parse(new String[] {"--url", "http://10.0.0.1:8080"}, ENV))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> WebhookBenchOptions.parse(new String[] {"--db-url", "jdbc:postgresql://db.example:5432/oms"}, ENV))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> WebhookBenchOptions.parse(new String[] {"--db-url", "jdbc:mysql://127.0.0.1/oms"}, ENV))
                .hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> WebhookBenchOptions.parse(new String[] {"--endpoints", "51"}, ENV))
                .hasMessageContaining("--endpoints must be within");
        assertThatThrownBy(() -> WebhookBenchOptions.parse(new String[] {"--events", "0"}, ENV))
                .hasMessageContaining("--events must be within");
        assertThatThrownBy(() -> WebhookBenchOptions.parse(new String[] {"--rate", "-1"}, ENV))
                .hasMessageContaining("--rate must be within");
        assertThatThrownBy(() -> WebhookBenchOptions.parse(new String[] {"--orders", "5"}, ENV))
                .hasMessageContaining("unknown option --orders");
    }

    @Test
    void needsAnApiKeyAndNeverPrintsIt() {
        assertThatThrownBy(() -> WebhookBenchOptions.parse(new String[0], Map.of())).hasMessageContaining("no API key");
        assertThat(WebhookBenchOptions.parse(new String[] {"--key", "secret-key"}, Map.of()).toString())
                .doesNotContain("secret-key");
    }

    @Test
    void helpExitsWithZeroAndBadArgumentsWithTwoAndUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int help = WebhookBench.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), ENV);
        assertThat(help).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: oms bench webhooks");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int bad = WebhookBench.run(new String[] {"--nope", "1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV);
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --nope").contains("Usage: oms bench webhooks");
    }
}
