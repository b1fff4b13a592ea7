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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client socket: handshake, then a reader loop that applies pacing and hands decoded requests to the
 * engine thread. Writes are serialized by a lock because fills (engine thread) and replies share the socket.
 */
final class SimConnection implements Runnable, SimSession {
    private static final Logger log = LoggerFactory.getLogger(SimConnection.class);
    /** TWS ends the API session at the third pacing violation. */
    static final int MAX_PACING_VIOLATIONS = 3;

    private final Socket socket;
    private final SimEngine engine;
    private final Object writeLock = new Object();
    private final Pacer pacer = new Pacer(System::nanoTime);
    private OutputStream out;
    private boolean paceRequested;
    private int violations;
    /** Set at the last pacing violation: further frames are ignored until the engine closes the socket. */
    private boolean terminating;
    volatile int serverVersion;
    volatile int clientId = -1;

    SimConnection(Socket socket, SimEngine engine) {
        this.socket = socket;
        this.engine = engine;
    }

    @Override
    public int clientId() { return clientId; }

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
            paceRequested = range.options() != null && range.options().contains("+PACEAPI");
            serverVersion = Math.min(range.max(), ServerVersion.MAX);
            writeRaw(new Handshake.Ack(serverVersion, Handshake.Ack.now()).fields());
            while (!socket.isClosed()) {
                List<String> fields = Frames.readFields(in);
                if (!admit()) continue;
                Optional<ClientMessage> m = ClientMessages.decode(fields, serverVersion);
                if (m.isEmpty()) {
                    log.debug("sim ignoring client message {}", fields.isEmpty() ? "?" : fields.get(0));
                    continue;
                }
                if (m.get() instanceof StartApi s) clientId = s.clientId();
                ClientMessage msg = m.get();
                engine.submit(() -> engine.onMessage(this, msg));
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            log.debug("sim connection ended: {}", e.toString());
        } finally {
            engine.submit(() -> engine.onDisconnect(this));
        }
    }

    /**
     * Pacing: every client message counts. Over the limit, PACE mode (or a "+PACEAPI" client) waits for a
     * token; REJECT mode answers error 100 and drops the message, and the third violation ends the session.
     */
    private boolean admit() throws InterruptedException {
        if (terminating) return false;
        for (int i = 0; i < 1000; i++) { // bounded: each wait is at most one token's worth
            int limit = engine.faults.pacingLimit;
            if (limit <= 0) return true;
            long wait = pacer.acquire(limit);
            if (wait == 0) return true;
            if (!paceRequested && engine.faults.pacingMode == PacingMode.REJECT) {
                violations++;
                send(engine.error(-1, 100, "Max rate of messages per second has been exceeded:max=" + limit));
                if (violations >= MAX_PACING_VIOLATIONS) {
                    terminating = true;
                    engine.submit(this::close); // after the requests already accepted have been answered
                }
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        return true;
    }

    @Override
    public void send(ServerMessage m) {
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

    @Override
    public boolean isOpen() { return !socket.isClosed(); }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }
}
