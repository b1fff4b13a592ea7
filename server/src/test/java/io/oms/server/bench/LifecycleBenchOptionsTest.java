package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleBenchOptionsTest {
    private static final Map<String, String> ENV = Map.of("OMS_API_KEY", "k");

    @Test
    void appliesDocumentedDefaults() {
        LifecycleBenchOptions o = LifecycleBenchOptions.parse(new String[0], ENV);
        assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.orders()).isEqualTo(200);
        assertThat(o.concurrency()).isEqualTo(4);
        assertThat(o.account()).isEqualTo("DU1234567");
        assertThat(o.symbol()).isEqualTo("AAPL");
        assertThat(o.limitPrice()).isEqualByComparingTo("1.00");
        assertThat(o.modify()).isEqualTo(LifecycleBenchOptions.Modify.PRICE);
        assertThat(o.warmup()).isEqualTo(20);
        assertThat(o.runs()).isEqualTo(1);
    }

    @Test
    void parsesEveryOptionInBothSpellings() {
        LifecycleBenchOptions o = LifecycleBenchOptions.parse(new String[] {"--url=http://localhost:18080/", "--orders", "50",
                "--concurrency=8", "--account", "DU7", "--symbol=MSFT", "--limit", "2.5", "--modify=qty", "--warmup", "0",
                "--runs", "3", "--key", "mine"}, ENV);
        assertThat(o.baseUrl()).isEqualTo("http://localhost:18080");
        assertThat(o.orders()).isEqualTo(50);
        assertThat(o.concurrency()).isEqualTo(8);
        assertThat(o.account()).isEqualTo("DU7");
        assertThat(o.symbol()).isEqualTo("MSFT");
        assertThat(o.limitPrice().toPlainString()).isEqualTo("2.50");
        assertThat(o.modify()).isEqualTo(LifecycleBenchOptions.Modify.QTY);
        assertThat(o.warmup()).isZero();
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.key()).isEqualTo("mine");
        assertThat(o.toString()).doesNotContain("mine");
    }

    @Test
    void fallsBackToEnvironmentKeysInOrderAndFailsWithoutAny() {
        String[] noKey = {"--orders", "5"};
        assertThat(LifecycleBenchOptions.parse(noKey, Map.of("OMS_API_KEY", "a", "OMS_BOOTSTRAP_API_KEY", "b")).key()).isEqualTo("a");
        assertThat(LifecycleBenchOptions.parse(noKey, Map.of("OMS_BOOTSTRAP_API_KEY", "b")).key()).isEqualTo("b");
        assertThatThrownBy(() -> LifecycleBenchOptions.parse(noKey, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("API key");
    }

    @Test
    void rejectsBadValuesUnknownOptionsAndRemoteHosts() {
        for (String[] args : List.of(new String[] {"--orders", "0"}, new String[] {"--concurrency", "x"},
                new String[] {"--limit", "-1"}, new String[] {"--limit", "1.001"}, new String[] {"--modify", "side"},
                new String[] {"--runs", "101"}, new String[] {"--bogus", "1"}, new String[] {"--runs"},
                new String[] {"stray"}, new String[] {"--url", "http://example.com:8080"})) {
            assertThatThrownBy(() -> LifecycleBenchOptions.parse(args, ENV)).as(String.join(" ", args))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void helpPrintsUsageAndBadArgumentsExitWithTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int help = LifecycleBench.run(new String[] {"--help"}, new PrintStream(out), new PrintStream(err), ENV);
        int bad = LifecycleBench.run(new String[] {"--orders", "0"}, new PrintStream(out), new PrintStream(err), ENV);

        assertThat(help).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: oms bench lifecycle").contains("If-Match");
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--orders must be within");
    }

    @Test
    void roundTripsReportPercentilesOfAnswersAndCountErrorsApart() {
        List<RoundTrips.Outcome> outcomes = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            outcomes.add(new RoundTrips.Outcome(i * 1_000_000L, i % 2 == 0 ? 200 : 202, null));
        }
        outcomes.add(new RoundTrips.Outcome(5_000_000_000L, 409, "HTTP 409 STATE_CONFLICT"));

        RoundTrips trips = RoundTrips.of(outcomes, 2.0);

        assertThat(trips.ms(50)).isEqualTo(50.0);
        assertThat(trips.ms(99)).isEqualTo(99.0);
        assertThat(trips.opsPerSecond()).isEqualTo(50.0);
        assertThat(trips.answers()).containsEntry("HTTP 200", 50).containsEntry("HTTP 202", 50);
        assertThat(trips.errors()).containsEntry("HTTP 409 STATE_CONFLICT", 1);
        assertThat(RoundTrips.medianLine(List.of(trips, RoundTrips.of(List.of(), 1.0)))).startsWith("p50 50.00");
    }
}
