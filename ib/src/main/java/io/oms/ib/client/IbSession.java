package io.oms.ib.client;

import io.oms.ib.msg.ClientMessage;
import io.oms.ib.msg.StartApi;
import io.oms.ib.wire.Frames;
import io.oms.ib.wire.Handshake;
import io.oms.ib.wire.WireException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/** One TCP session: handshake, START_API, a single writer lock, and blocking frame reads for the reader thread. */
final class IbSession implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    final int serverVersion;
    /** Set on the dispatch thread when the first nextValidId of this session arrives. */
    boolean readyFired;
    /** Why we closed it ourselves (e.g. the liveness probe), reported instead of the reader's "Socket closed". */
    private volatile String closeReason;

    private IbSession(Socket socket, DataInputStream in, OutputStream out, int serverVersion) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.serverVersion = serverVersion;
    }

    static IbSession open(IbConnectionConfig cfg, IbClientOptions opts) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(cfg.host(), cfg.port()), (int) cfg.connectTimeout().toMillis());
            // The handshake must answer within the connect timeout; afterwards reads block indefinitely
            // because the protocol has no heartbeat and quiet periods are normal.
            socket.setSoTimeout((int) cfg.connectTimeout().toMillis());
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            Handshake.writeClientHello(out, new Handshake.VersionRange(opts.minServerVersion(), opts.maxServerVersion(), null));
            Handshake.Ack ack = Handshake.Ack.fromFields(Frames.readFields(in));
            if (ack.serverVersion() < opts.minServerVersion() || ack.serverVersion() > opts.maxServerVersion()) {
                throw new WireException("server version " + ack.serverVersion() + " outside "
                        + opts.minServerVersion() + ".." + opts.maxServerVersion());
            }
            socket.setSoTimeout(0);
            IbSession s = new IbSession(socket, in, out, ack.serverVersion());
            s.send(new StartApi(cfg.clientId(), null));
            return s;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    void send(ClientMessage m) throws IOException {
        byte[] frame = Frames.frame(Frames.join(m.encode(serverVersion)));
        synchronized (writeLock) {
            out.write(frame);
            out.flush();
        }
    }

    List<String> read() throws IOException { return Frames.readFields(in); }

    boolean isOpen() { return !socket.isClosed(); }

    String closeReason() { return closeReason; }

    /** Closes the socket; the reader thread then sees the loss and reports this reason. */
    void close(String reason) {
        if (closeReason == null) closeReason = reason;
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing left to do
        }
    }
}
