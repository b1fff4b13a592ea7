package io.oms.ib.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.ib.client.IbClientOptions;
import io.oms.ib.client.IbConnectionConfig;
import io.oms.ib.client.IbConnector;
import io.oms.ib.client.IbEventListener;
import io.oms.ib.client.OrderIdStore;
import io.oms.ib.msg.ManagedAccounts;
import io.oms.ib.msg.NextValidId;
import io.oms.ib.msg.ServerMessage;
import io.oms.ib.wire.Frames;
import io.oms.ib.wire.Handshake;
import java.io.DataInputStream;
import java.io.EOFException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handshake answers within the client's range, never above 195, and refuses what cannot be served. */
class VersionNegotiationTest {
    private GatewaySimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withTickInterval(Duration.ZERO));
        sim.start();
    }

    @AfterEach
    void stop() { sim.close(); }

    @Test
    void answersTheClientsHighestVersionWhenItIsServed() throws Exception {
        assertThat(hello(new Handshake.VersionRange(100, 176, null))).isEqualTo(176);
        assertThat(hello(new Handshake.VersionRange(157, 157, null))).isEqualTo(157);
    }

    @Test
    void pinsNewerClientsAt195() throws Exception {
        assertThat(hello(new Handshake.VersionRange(100, 220, null))).isEqualTo(195);
    }

    @Test
    void refusesAClientThatOnlySpeaksTheProtobufEra() {
        assertThatThrownBy(() -> hello(new Handshake.VersionRange(201, 220, null))).isInstanceOf(EOFException.class);
    }

    @Test
    void connectorRefusesAGatewayAnsweringOutsideItsRange() throws Exception {
        // A gateway that insists on the protobuf era (server version 201) must not get a session.
        try (ServerSocket gateway = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread answering = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 3; i++) { // bounded: the connector retries with backoff
                    try (Socket s = gateway.accept()) {
                        Handshake.readClientHello(s.getInputStream());
                        Frames.write(s.getOutputStream(), Frames.join(new Handshake.Ack(201, Handshake.Ack.now()).fields()));
                        // Were START_API sent anyway, the session would be made ready: the refusal is what keeps it down.
                        Frames.readFields(s.getInputStream());
                        for (ServerMessage m : List.of(new ManagedAccounts(List.of("DU1")), new NextValidId(1))) {
                            Frames.write(s.getOutputStream(), Frames.join(m.encode(195)));
                        }
                        s.setSoTimeout(2_000);
                        while (s.getInputStream().read() != -1) { } // hold the session until the client leaves
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            try (IbConnector connector = new IbConnector(IbConnectionConfig.of("neg", "127.0.0.1", gateway.getLocalPort(), 4),
                    OrderIdStore.inMemory(), new IbEventListener() {}, IbClientOptions.defaults())) {
                connector.start();
                assertThat(connector.awaitReady(Duration.ofMillis(800))).isFalse();
                assertThat(connector.health().sessionUp()).isFalse();
            }
            answering.interrupt();
        }
    }

    private int hello(Handshake.VersionRange range) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(5_000);
            Handshake.writeClientHello(socket.getOutputStream(), range);
            List<String> ack = Frames.readFields(new DataInputStream(socket.getInputStream()));
            return Handshake.Ack.fromFields(ack).serverVersion();
        }
    }
}
