package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ReqCurrentTime;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The protocol has no heartbeat: a session whose gateway stops answering reqCurrentTime is closed and reconnected. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LivenessProbeTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    FakeGateway gateway;
    IbConnector connector;
    final RecordingListener events = new RecordingListener();

    @AfterEach
    void stop() throws Exception {
        if (connector != null) connector.close();
        if (gateway != null) gateway.close();
    }

    private void connect() throws InterruptedException {
        start();
        assertThat(connector.awaitReady(WAIT)).isTrue();
    }

    private void start() {
        IbConnectionConfig cfg = gateway.config("probe", Duration.ofSeconds(1));
        connector = new IbConnector(cfg, OrderIdStore.inMemory(), events,
                IbClientOptions.defaults().withLivenessProbe(Duration.ofMillis(100), Duration.ofMillis(300)));
        connector.start();
    }

    @Test
    void aGatewayThatAcceptsButNeverAnswersIsTreatedAsDeadAndReconnected() throws Exception {
        gateway = new FakeGateway(false); // completes the handshake and nextValidId, then answers nothing
        start(); // its re-sync can never be answered, so the session never counts as ready for awaitReady
        Await.until(WAIT, "a second connection after the probe gave up", () -> gateway.connections() >= 2
                && events.ready.size() >= 2);
        assertThat(events.lost).first().asString().contains("liveness probe");
        assertThat(gateway.received(ReqCurrentTime.class)).isNotEmpty();
        assertThat(connector.metrics().disconnectCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aGatewayThatAnswersKeepsItsSession() throws Exception {
        gateway = new FakeGateway(true);
        connect();
        Await.until(WAIT, "several answered probes", () -> gateway.received(ReqCurrentTime.class).size() >= 4);
        assertThat(gateway.connections()).isEqualTo(1);
        assertThat(events.lost).isEmpty();
        assertThat(connector.health().state()).isEqualTo(ConnectorState.UP);
    }
}
