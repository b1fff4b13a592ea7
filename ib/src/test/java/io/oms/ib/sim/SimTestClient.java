package io.oms.ib.sim;

import io.oms.ib.msg.*;
import io.oms.ib.wire.Frames;
import io.oms.ib.wire.Handshake;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A tiny raw TWS client built on the project's codec: handshake, START_API, then a reader thread that
 * decodes every server frame into {@link #received}. Tests the simulator on the wire without depending on
 * the connector's behaviour.
 */
final class SimTestClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    final int serverVersion;
    final List<ServerMessage> received = new CopyOnWriteArrayList<>();
    volatile boolean eof;

    private SimTestClient(Socket socket, int serverVersion, DataInputStream in) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.serverVersion = serverVersion;
        Thread reader = new Thread(() -> read(in), "sim-test-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SimTestClient connect(int port, int clientId) throws IOException { return connect(port, clientId, null); }

    /** options: e.g. "+PACEAPI". Waits (bounded) for nextValidId unless the gateway refuses the client. */
    static SimTestClient connect(int port, int clientId, String options) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        Handshake.writeClientHello(s.getOutputStream(), new Handshake.VersionRange(100, 195, options));
        int sv = Handshake.Ack.fromFields(Frames.readFields(in)).serverVersion();
        SimTestClient c = new SimTestClient(s, sv, in);
        c.send(new StartApi(clientId, null));
        return c;
    }

    SimTestClient awaitReady() {
        await(NextValidId.class, m -> true);
        return this;
    }

    private void read(DataInputStream in) {
        try {
            while (true) {
                List<String> fields = Frames.readFields(in);
                ServerMessages.decode(fields, serverVersion).ifPresent(received::add);
            }
        } catch (IOException | RuntimeException e) {
            eof = true;
        }
    }

    void send(ClientMessage m) throws IOException {
        synchronized (out) {
            out.write(Frames.frame(Frames.join(m.encode(serverVersion))));
            out.flush();
        }
    }

    <T> List<T> of(Class<T> type) { return received.stream().filter(type::isInstance).map(type::cast).toList(); }

    <T> T await(Class<T> type, Predicate<T> p) {
        Waits.until("a " + type.getSimpleName() + " matching the test", () -> of(type).stream().anyMatch(p));
        return of(type).stream().filter(p).findFirst().orElseThrow();
    }

    ErrorMessage awaitError(int code) { return await(ErrorMessage.class, e -> e.code() == code); }

    List<String> statuses(int orderId) {
        return of(OrderStatus.class).stream().filter(s -> s.orderId() == orderId).map(OrderStatus::status).toList();
    }

    void awaitEof() { Waits.until("the gateway to close the socket", () -> eof); }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
