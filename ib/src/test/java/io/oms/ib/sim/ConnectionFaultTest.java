package io.oms.ib.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Socket-level faults: drops, refused connections, client id in use. */
@Timeout(30)
class ConnectionFaultTest {
    GatewaySimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withTickInterval(Duration.ZERO));
        sim.start();
    }

    @AfterEach
    void stop() { sim.close(); }

    @Test
    void dropClosesEverySocketOrJustOneClients() throws Exception {
        try (SimTestClient a = SimTestClient.connect(sim.port(), 1).awaitReady();
             SimTestClient b = SimTestClient.connect(sim.port(), 2).awaitReady()) {
            sim.faults().dropClient(1);
            a.awaitEof();
            assertThat(b.eof).isFalse();
            sim.faults().dropConnections();
            b.awaitEof();
        }
    }

    @Test
    void refusedConnectionsFailUntilAcceptedAgainOnTheSamePort() throws Exception {
        int port = sim.port();
        sim.faults().refuseConnections();
        assertThat(sim.faults().refusingConnections()).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        sim.faults().acceptConnections();
        assertThat(sim.port()).isEqualTo(port);
        try (SimTestClient c = SimTestClient.connect(port, 1).awaitReady()) {
            assertThat(c.eof).isFalse();
        }
    }

    @Test
    void refusingForAPeriodLiftsByItself() throws Exception {
        sim.faults().refuseConnectionsFor(Duration.ofMillis(300));
        assertThatThrownBy(() -> new Socket("127.0.0.1", sim.port()).close()).isInstanceOf(ConnectException.class);
        Waits.until("the refusal to lift", () -> !sim.faults().refusingConnections());
        try (SimTestClient c = SimTestClient.connect(sim.port(), 1).awaitReady()) {
            assertThat(c.eof).isFalse();
        }
    }

    @Test
    void aSecondConnectionWithAClientIdInUseGets326AndIsClosed() throws Exception {
        try (SimTestClient first = SimTestClient.connect(sim.port(), 3).awaitReady();
             SimTestClient second = SimTestClient.connect(sim.port(), 3)) {
            second.awaitError(326);
            second.awaitEof();
            assertThat(first.eof).isFalse();
        }
    }
}
