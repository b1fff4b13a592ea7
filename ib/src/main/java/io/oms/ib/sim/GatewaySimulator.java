package io.oms.ib.sim;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that speaks the TWS API text protocol (pinned at server version <= 195) closely enough
 * for IB's own client and for {@code IbConnector}: sessions per clientId, order lifecycle, sliced
 * fills, a seeded random-walk market, executions replay and fault injection.
 */
public final class GatewaySimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewaySimulator.class);

    private final SimulatorConfig config;
    private final SimEngine engine;
    private ServerSocket server;
    private ControlServer control;
    private volatile boolean closed;

    public GatewaySimulator(SimulatorConfig config) {
        this.config = config;
        this.engine = new SimEngine(config);
    }

    public synchronized void start() throws IOException {
        if (server != null) return;
        server = new ServerSocket(config.port(), 50, InetAddress.getByName(config.host()));
        Thread acceptor = new Thread(this::acceptLoop, "ib-sim-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        long tick = config.tickInterval().toMillis();
        if (tick > 0) {
            engine.thread.scheduleAtFixedRate(() -> engine.submit(engine::tick), tick, tick, TimeUnit.MILLISECONDS);
        }
        if (config.controlPort() >= 0) control = new ControlServer(this, config.host(), config.controlPort());
        log.info("simulator listening on {}:{}", config.host(), port());
    }

    public int port() { return server.getLocalPort(); }

    /** Port of the HTTP control endpoint, or -1 when disabled. */
    public int controlPort() { return control == null ? -1 : control.port(); }

    public void setPrice(String symbol, BigDecimal price) {
        engine.call(() -> { engine.setPrice(symbol, price); return null; });
    }

    public BigDecimal lastPrice(String symbol) { return engine.call(() -> engine.market.mid(symbol)); }

    public List<SimExecution> executions() { return List.copyOf(engine.executions); }

    public void dropConnections() { engine.call(() -> { engine.dropAll(); return null; }); }

    @Override
    public void close() {
        closed = true;
        if (control != null) control.close();
        try {
            if (server != null) server.close();
        } catch (IOException ignored) {
            // shutting down
        }
        try {
            engine.call(() -> { engine.dropAll(); return null; });
        } catch (RuntimeException ignored) {
            // engine already stopped
        }
        engine.thread.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(new SimConnection(s, engine), "ib-sim-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) log.warn("accept failed: {}", e.toString());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        SimulatorConfig cfg = SimulatorConfig.fromEnvironment();
        GatewaySimulator sim = new GatewaySimulator(cfg);
        sim.start();
        System.out.println("simulator listening on " + cfg.host() + ":" + sim.port()
                + (sim.controlPort() >= 0 ? " (control http://" + cfg.host() + ":" + sim.controlPort() + ")" : ""));
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        Thread.currentThread().join();
    }
}
