package io.oms.ib.sim;

import io.oms.ib.msg.PlaceOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP server that speaks the TWS API text protocol (pinned at server version <= 195) closely enough
 * for IB's own client and for {@code IbConnector}: sessions per clientId, the order lifecycle for every
 * common order type and time in force, sliced fills, a seeded random-walk market with streaming market
 * data, an exchange session with open/close auctions, executions replay and fault injection
 * ({@link #faults()}). Given a {@link ManualClock}, every time-dependent behaviour is deterministic.
 */
public final class GatewaySimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewaySimulator.class);

    private final SimulatorConfig config;
    private final SimEngine engine;
    private final SimFaults faults;
    private final SimListener listener;
    private boolean started;
    private ControlServer control;

    /** Runs on the system clock, or on a {@link ManualClock} when the config has a clockStart. */
    public GatewaySimulator(SimulatorConfig config) {
        this(config, config.clockStart() == null ? Clock.systemUTC() : new ManualClock(config.clockStart()));
    }

    public GatewaySimulator(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.engine = new SimEngine(config, clock);
        this.faults = new SimFaults(this, engine);
        this.listener = new SimListener(config, engine);
    }

    public synchronized void start() throws IOException {
        if (started) return;
        started = true;
        listener.open();
        long tick = config.tickInterval().toMillis();
        if (tick > 0) {
            engine.thread.scheduleAtFixedRate(() -> engine.submit(engine::tick), tick, tick, TimeUnit.MILLISECONDS);
        } else if (!(engine.clock instanceof ManualClock)) {
            // No market ticks, but the session still follows the system clock (auctions, GTD expiry).
            engine.thread.scheduleAtFixedRate(() -> engine.submit(engine.auctions::onTime), 250, 250, TimeUnit.MILLISECONDS);
        }
        if (config.controlPort() >= 0) control = new ControlServer(this, config.host(), config.controlPort());
        log.info("simulator listening on {}:{}", config.host(), port());
    }

    public int port() { return listener.port(); }

    /** Port of the HTTP control endpoint, or -1 when disabled. */
    public int controlPort() { return control == null ? -1 : control.port(); }

    public SimFaults faults() { return faults; }

    public Clock clock() { return engine.clock; }

    /** Moves a {@link ManualClock} and runs whatever it crossed (auctions, expiries) before returning. */
    public void advanceClock(Duration d) { manualClock().advance(d); timeMoved(); }

    public void setClock(Instant t) { manualClock().set(t); timeMoved(); }

    /** Moves the mid to price (bid/ask one cent either side) and prints a round-lot trade there. */
    public void setPrice(String symbol, BigDecimal price) { engine.run(() -> engine.setPrice(symbol, price)); }

    /** Sets the touch exactly; null sizes keep the current ones. Market data and matching follow. */
    public void setQuote(String symbol, BigDecimal bid, BigDecimal ask, BigDecimal bidSize, BigDecimal askSize) {
        engine.run(() -> {
            engine.market.of(symbol).setQuote(bid, ask, bidSize, askSize);
            engine.marketMoved();
        });
    }

    /** Halts (or resumes) trading in symbol: no fills, stops not elected, auctions cancel; tickGeneric 49 tells subscribers. */
    public void setHalted(String symbol, boolean halted) {
        engine.run(() -> {
            engine.market.of(symbol).halted = halted;
            engine.marketMoved();
        });
    }

    /** The mid price (kept under its old name). */
    public BigDecimal lastPrice(String symbol) { return engine.call(() -> engine.market.mid(symbol)); }

    public Quote quote(String symbol) { return engine.call(() -> engine.market.of(symbol).snapshot()); }

    /** Random-walk steps on demand; with tickInterval 0 these are the only steps, which keeps runs reproducible. */
    public void stepMarket(int steps) {
        engine.run(() -> {
            for (int i = 0; i < steps; i++) {
                if (engine.market.step(engine.clock.instant().getEpochSecond())) engine.marketMoved();
            }
        });
    }

    public void runCloseAuction() { engine.run(engine.auctions::runClose); }

    public void runOpenAuction() { engine.run(engine.auctions::runOpen); }

    /**
     * Places an order as if entered in TWS by hand: clientId 0, orderId 0 until client 0 binds it with
     * reqOpenOrders (orderBound, negative id). The spec's orderId is ignored. Returns the permId.
     */
    public long placeManualOrder(PlaceOrder spec) { return engine.call(() -> engine.intake.placeManual(spec)); }

    public List<SimOrderView> orders() {
        return engine.call(() -> engine.book.all().stream().map(SimOrder::view).toList());
    }

    public List<SimExecution> executions() { return List.copyOf(engine.executions); }

    /** placeOrder messages received with this orderRef (new orders and modifies, swallowed ones included). */
    public int placementsReceived(String orderRef) { return engine.call(() -> engine.placements.receivedFor(orderRef)); }

    /** placeOrder messages with this orderRef that {@link SimFaults#swallowPlacements} made IB never see. */
    public int placementsSwallowed(String orderRef) { return engine.call(() -> engine.placements.swallowedFor(orderRef)); }

    public int marketDataSubscriptions() { return engine.call(engine.marketData::lines); }

    public void dropConnections() { engine.run(engine::dropAll); }

    /** Waits until the engine has processed everything submitted before this call. */
    public void sync() { engine.run(() -> { }); }

    private ManualClock manualClock() {
        if (engine.clock instanceof ManualClock m) return m;
        throw new IllegalStateException("the simulator runs on " + engine.clock + ", not a ManualClock");
    }

    private void timeMoved() {
        engine.run(() -> {
            engine.auctions.onTime();
            engine.matching.crossResting();
        });
    }

    void refuse(Duration d) { listener.refuse(d); }

    void accept() { listener.accept(); }

    boolean refusing() { return listener.refusing(); }

    @Override
    public void close() {
        if (control != null) control.close();
        listener.close();
        try {
            engine.run(engine::dropAll);
        } catch (RuntimeException ignored) {
            // engine already stopped
        }
        engine.thread.shutdownNow();
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
