package io.oms.ib.sim;

import io.oms.ib.msg.ClientMessage;
import io.oms.ib.msg.ClientMessages;
import io.oms.ib.msg.ServerMessage;
import io.oms.ib.msg.StartApi;
import io.oms.ib.wire.Frames;
import io.oms.ib.wire.Handshake;
import io.oms.ib.wire.ServerVersion;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket: handshake, then a reader loop that hands decoded requests to the engine thread.
 * Writes are serialized by a lock because fills (engine thread) and replies share the socket.
 */
final class SimConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SimConnection.class);

    private final Socket socket;
    private final SimEngine engine;
    private final Object writeLock = new Object();
    private OutputStream out;
    volatile int serverVersion;
    volatile int clientId = -1;

    SimConnection(Socket socket, SimEngine engine) {
        this.socket = socket;
        this.engine = engine;
    }

    @Override
    public void run() {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            out = socket.getOutputStream();
            Handshake.VersionRange range = Handshake.readClientHello(in);
            if (range.max() < ServerVersion.MIN_SUPPORTED || range.min() > ServerVersion.MAX) {
                log.info("refusing client advertising {}", range.encode());
                return;
            }
            serverVersion = Math.min(range.max(), ServerVersion.MAX);
            writeRaw(new Handshake.Ack(serverVersion, Handshake.Ack.now()).fields());
            while (!socket.isClosed()) {
                List<String> fields = Frames.readFields(in);
                Optional<ClientMessage> m = ClientMessages.decode(fields, serverVersion);
                if (m.isEmpty()) {
                    log.debug("sim ignoring client message {}", fields.isEmpty() ? "?" : fields.get(0));
                    continue;
                }
                if (m.get() instanceof StartApi s) {
                    clientId = s.clientId();
                }
                ClientMessage msg = m.get();
                engine.submit(() -> engine.onMessage(this, msg));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("sim connection ended: {}", e.toString());
        } finally {
            engine.submit(() -> engine.onDisconnect(this));
        }
    }

    /** Best effort: a dead client simply misses the message (orders keep working, like TWS). */
    void send(ServerMessage m) {
        try {
            writeRaw(m.encode(serverVersion));
        } catch (IOException e) {
            close();
        }
    }

    private void writeRaw(List<String> fields) throws IOException {
        byte[] frame = Frames.frame(Frames.join(fields));
        synchronized (writeLock) {
            out.write(frame);
            out.flush();
        }
    }

    boolean isOpen() { return !socket.isClosed(); }

    void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }
}
