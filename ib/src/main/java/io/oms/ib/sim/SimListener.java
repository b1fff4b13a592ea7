package io.oms.ib.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket. Refusing connections closes it (clients get a real "connection refused", as from a
 * gateway that is down) and accepting re-binds the same port, so clients reconnect to the address they know.
 */
final class SimListener {
    private static final Logger log = LoggerFactory.getLogger(SimListener.class);

    private final SimulatorConfig config;
    private final SimEngine engine;
    private ServerSocket server;
    private Thread acceptor;
    private int boundPort = -1;
    private boolean refusing;
    private boolean closed;
    private long refuseGeneration;

    SimListener(SimulatorConfig config, SimEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    synchronized void open() throws IOException {
        if (closed || server != null) return;
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true); // the port is re-bound after a refusal period
        ss.bind(new InetSocketAddress(InetAddress.getByName(config.host()), boundPort >= 0 ? boundPort : config.port()), 50);
        boundPort = ss.getLocalPort();
        server = ss;
        acceptor = new Thread(() -> acceptLoop(ss), "ib-sim-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    synchronized int port() { return boundPort; }

    /** Refuses until {@link #accept()}, or for d (wall-clock) when d is not null. */
    synchronized void refuse(Duration d) {
        refusing = true;
        long generation = ++refuseGeneration;
        closeSocket();
        if (d != null) engine.later(d, () -> liftRefusal(generation));
    }

    private synchronized void liftRefusal(long generation) {
        if (generation == refuseGeneration && refusing) accept();
    }

    synchronized void accept() {
        refusing = false;
        if (boundPort < 0) return; // never started: start() will listen
        try {
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen again on port " + boundPort, e);
        }
    }

    synchronized boolean refusing() { return refusing; }

    synchronized void close() {
        closed = true;
        closeSocket();
    }

    /**
     * Closes the listening socket and waits (bounded) for the acceptor to leave accept(): the JDK releases the
     * descriptor of a socket closed under a blocked accept only then, and until it does the kernel still
     * completes new connections, which would make "refused" leak.
     */
    private void closeSocket() {
        try {
            if (server != null) server.close();
        } catch (IOException ignored) {
            // already closed
        }
        server = null;
        if (acceptor != null && acceptor != Thread.currentThread()) {
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        acceptor = null;
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(new SimConnection(s, engine), "ib-sim-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!ss.isClosed()) log.warn("accept failed: {}", e.toString());
            }
        }
    }
}
