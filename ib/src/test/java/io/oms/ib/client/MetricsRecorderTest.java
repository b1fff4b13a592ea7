package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Per-connection metrics snapshot: counts, ack latency percentiles over a bounded window, reject rate, rates. */
class MetricsRecorderTest {
    private long nanos = TimeUnit.SECONDS.toNanos(1_000);
    private final Instant wall = Instant.parse("2026-03-02T14:30:00Z");
    private final MetricsRecorder m = new MetricsRecorder(() -> wall, () -> nanos, 100);

    @Test
    void startsEmpty() {
        ConnectionMetrics s = m.snapshot(0);
        assertThat(s.lastConnectTime()).isNull();
        assertThat(s.ackLatencyP50()).isNull();
        assertThat(s.rejectRate()).isZero();
        assertThat(s.outboundPerSecond()).isZero();
    }

    @Test
    void countsConnectsDisconnectsAndRemembersTheLastConnectTime() {
        m.connected();
        m.disconnected();
        m.connected();
        ConnectionMetrics s = m.snapshot(3);
        assertThat(s.connectCount()).isEqualTo(2);
        assertThat(s.disconnectCount()).isEqualTo(1);
        assertThat(s.lastConnectTime()).isEqualTo(wall);
        assertThat(s.outboundQueued()).isEqualTo(3);
    }

    @Test
    void latencyPercentilesCoverOnlyTheMostRecentWindow() {
        for (int i = 1; i <= 100; i++) m.acknowledged(TimeUnit.MILLISECONDS.toNanos(1_000), false); // old, slow
        for (int i = 1; i <= 100; i++) m.acknowledged(TimeUnit.MILLISECONDS.toNanos(i), i % 10 == 0);
        ConnectionMetrics s = m.snapshot(0);
        assertThat(s.latencySamples()).isEqualTo(100);
        assertThat(s.ackLatencyP50()).isEqualTo(Duration.ofMillis(50));
        assertThat(s.ackLatencyP99()).isEqualTo(Duration.ofMillis(99));
        assertThat(s.acks()).isEqualTo(200);
        assertThat(s.rejects()).isEqualTo(10);
        assertThat(s.rejectRate()).isEqualTo(0.05);
    }

    @Test
    void ratesAverageTheLastTenSecondsAndForgetOlderTraffic() {
        for (int sec = 0; sec < 10; sec++) {
            for (int i = 0; i < 20; i++) m.outbound();
            for (int i = 0; i < 5; i++) m.inbound();
            nanos += TimeUnit.SECONDS.toNanos(1);
        }
        nanos -= 1; // still inside the tenth second
        assertThat(m.snapshot(0).outboundPerSecond()).isEqualTo(20.0);
        assertThat(m.snapshot(0).inboundPerSecond()).isEqualTo(5.0);
        nanos += TimeUnit.SECONDS.toNanos(30);
        assertThat(m.snapshot(0).outboundPerSecond()).isZero();
    }
}
