package io.oms.ib.sim;

import io.oms.ib.msg.*;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated gateway's state and its request dispatch. Every state change runs on the single engine
 * thread, which keeps the state consistent without locks and the message order per client deterministic.
 * The work itself lives in small collaborators: intake (place/modify/reject), matching and triggers,
 * fills, cancels, auctions (time events), market data, requests (snapshots) and the outbox (delivery faults).
 */
final class SimEngine {
    private static final Logger log = LoggerFactory.getLogger(SimEngine.class);

    final SimulatorConfig config;
    final Clock clock;
    final TradingCalendar calendar;
    final Market market;
    final OrderBook book = new OrderBook();
    final ScheduledExecutorService thread;
    private volatile Thread engineThread;
    final Map<Integer, SimSession> sessions = new HashMap<>();
    final List<SimExecution> executions = new CopyOnWriteArrayList<>();
    final FaultState faults;
    final Outbox out;
    final PlacementLog placements = new PlacementLog();
    final Fills fills;
    final Triggers triggers;
    final Matching matching;
    final Cancels cancels;
    final Auctions auctions;
    final MarketData marketData;
    final OrderIntake intake;
    final Requests requests;
    final Connectivity connectivity;

    SimEngine(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.calendar = new TradingCalendar(config.timeZone(), config.openTime(), config.closeTime());
        this.market = new Market(config.initialPrices(), config.seed(), config.volatilityBps(), clock);
        this.faults = new FaultState(config.seed(), config.pacingLimit(), config.pacingMode());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ib-sim-engine");
            t.setDaemon(true);
            engineThread = t;
            return t;
        });
        this.out = new Outbox(this);
        this.fills = new Fills(this);
        this.triggers = new Triggers(this);
        this.matching = new Matching(this);
        this.cancels = new Cancels(this);
        this.auctions = new Auctions(this);
        this.marketData = new MarketData(this);
        this.intake = new OrderIntake(this);
        this.requests = new Requests(this);
        this.connectivity = new Connectivity(this);
    }

    void submit(Runnable r) {
        try {
            thread.execute(() -> safely(r));
        } catch (RejectedExecutionException ignored) {
            // shut down: nothing left to do
        }
    }

    /** Runs r on the engine thread after a wall-clock delay (fill slices, injected delays). */
    void later(Duration delay, Runnable r) {
        try {
            thread.schedule(() -> safely(r), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ignored) {
            // shut down: the delayed work is moot
        }
    }

    <T> T call(Callable<T> c) {
        try {
            if (Thread.currentThread() == engineThread) return c.call(); // re-entrant use from engine code
            return thread.submit(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("simulator engine call failed", e);
        }
    }

    void run(Runnable r) { call(() -> { r.run(); return null; }); }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("simulator engine task failed", e);
        }
    }

    void onMessage(SimSession c, ClientMessage m) {
        if (!(m instanceof StartApi) && sessions.get(c.clientId()) != c) return; // not (or no longer) admitted
        switch (m) {
            case StartApi s -> startApi(c, s.clientId());
            case PlaceOrder p -> intake.place(c, p);
            case CancelOrder x -> cancels.cancel(c, x.orderId());
            case ReqOpenOrders ignored -> requests.openOrders(c, false);
            case ReqAllOpenOrders ignored -> requests.openOrders(c, true);
            case ReqExecutions r -> requests.executions(c, r.reqId(), r.filter());
            case ReqPositions ignored -> requests.positions(c);
            case ReqCurrentTime ignored -> c.send(new CurrentTime(clock.instant().getEpochSecond()));
            case ReqIds ignored -> c.send(new NextValidId(book.nextValidId(c.clientId())));
            case ReqManagedAccts ignored -> c.send(new ManagedAccounts(config.accounts()));
            case ReqMktData r -> marketData.request(c, r);
            case CancelMktData x -> marketData.cancel(c, x.tickerId());
            // Always answered with live data (marketDataType 1): the simulator has every subscription.
            case ReqMarketDataType ignored -> { }
            case ReqGlobalCancel ignored -> cancels.globalCancel();
            case ReqCompletedOrders r -> requests.completedOrders(c, r.apiOnly());
        }
    }

    private void startApi(SimSession c, int clientId) {
        SimSession existing = sessions.get(clientId);
        if (existing != null && existing != c && existing.isOpen()) {
            c.send(error(-1, 326, "Unable to connect as the client id is already in use. Retry with a unique client id."));
            c.close();
            return;
        }
        sessions.put(clientId, c);
        c.send(new ManagedAccounts(config.accounts()));
        c.send(new NextValidId(book.nextValidId(clientId)));
        c.send(error(-1, 2104, "Market data farm connection is OK:usfarm"));
        c.send(error(-1, 2106, "HMDS data farm connection is OK:ushmds"));
        c.send(error(-1, 2158, "Sec-def data farm connection is OK:secdefnj"));
        // A session opened while IB's link is down hears about it at once, as from a real gateway.
        if (faults.connectivityLost) c.send(error(-1, 1100, Connectivity.LOST));
    }

    void onDisconnect(SimSession c) {
        sessions.remove(c.clientId(), c);
        marketData.dropSession(c);
    }

    void dropAll() {
        for (SimSession c : new ArrayList<>(sessions.values())) c.close();
        for (SimSession c : new ArrayList<>(sessions.values())) marketData.dropSession(c);
        sessions.clear();
    }

    void dropClient(int clientId) {
        SimSession c = sessions.remove(clientId);
        if (c == null) return;
        c.close();
        marketData.dropSession(c);
    }

    /** The live session of a client, or null while it is away (its orders keep working). */
    SimSession session(int clientId) { return sessions.get(clientId); }

    void tick() {
        auctions.onTime();
        if (market.step(clock.instant().getEpochSecond())) marketData.publishAll();
        matching.crossResting();
    }

    void marketMoved() {
        marketData.publishAll();
        matching.crossResting();
    }

    void setPrice(String symbol, BigDecimal price) {
        market.set(symbol, price, clock.instant().getEpochSecond());
        marketMoved();
    }

    ErrorMessage error(int id, int code, String msg) {
        return new ErrorMessage(id, code, msg, null, clock.millis());
    }
}
