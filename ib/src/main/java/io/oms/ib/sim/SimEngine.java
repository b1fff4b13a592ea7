package io.oms.ib.sim;

import io.oms.ib.msg.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated gateway's state: sessions per clientId, orders, executions and positions. Every
 * method runs on the single engine thread, which keeps the state consistent without locks and keeps
 * the message order per client deterministic.
 */
final class SimEngine {
    private static final Logger log = LoggerFactory.getLogger(SimEngine.class);

    final SimulatorConfig config;
    final Random random;
    final Market market;
    final ScheduledExecutorService thread;
    final Map<Integer, SimConnection> sessions = new HashMap<>();
    /** Highest order id seen per client; persists across that client's sessions. */
    final Map<Integer, Integer> maxIdByClient = new HashMap<>();
    final Map<Long, SimOrder> orders = new LinkedHashMap<>();
    final List<SimExecution> executions = new CopyOnWriteArrayList<>();
    final Fills fills;
    final Requests requests;
    long nextPermId = 1_000_001L;

    SimEngine(SimulatorConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
        this.market = new Market(config.initialPrices(), random, config.volatilityBps());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ib-sim-engine");
            t.setDaemon(true);
            return t;
        });
        this.fills = new Fills(this);
        this.requests = new Requests(this);
    }

    static long key(int clientId, int orderId) { return ((long) clientId << 32) | (orderId & 0xffffffffL); }

    void submit(Runnable r) {
        if (thread.isShutdown()) return;
        thread.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.error("simulator engine task failed", e);
            }
        });
    }

    <T> T call(Callable<T> c) {
        try {
            Future<T> f = thread.submit(c);
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("simulator engine call failed", e);
        }
    }

    void onMessage(SimConnection c, ClientMessage m) {
        if (!(m instanceof StartApi) && sessions.get(c.clientId) != c) return; // not (or no longer) admitted
        switch (m) {
            case StartApi s -> startApi(c, s.clientId());
            case PlaceOrder p -> fills.place(c, p);
            case CancelOrder x -> fills.cancel(c, x.orderId());
            case ReqOpenOrders ignored -> requests.openOrders(c, false);
            case ReqAllOpenOrders ignored -> requests.openOrders(c, true);
            case ReqExecutions r -> requests.executions(c, r.reqId(), r.filter());
            case ReqPositions ignored -> requests.positions(c);
            case ReqCurrentTime ignored -> c.send(new CurrentTime(System.currentTimeMillis() / 1000));
            case ReqIds ignored -> c.send(new NextValidId(nextValidId(c.clientId)));
            case ReqManagedAccts ignored -> c.send(new ManagedAccounts(config.accounts()));
            case ReqMktData r -> requests.marketData(c, r);
        }
    }

    private void startApi(SimConnection c, int clientId) {
        SimConnection existing = sessions.get(clientId);
        if (existing != null && existing != c && existing.isOpen()) {
            c.send(error(-1, 326, "Unable to connect as the client id is already in use. Retry with a unique client id."));
            c.close();
            return;
        }
        sessions.put(clientId, c);
        c.send(new ManagedAccounts(config.accounts()));
        c.send(new NextValidId(nextValidId(clientId)));
        c.send(error(-1, 2104, "Market data farm connection is OK:usfarm"));
        c.send(error(-1, 2106, "HMDS data farm connection is OK:ushmds"));
        c.send(error(-1, 2158, "Sec-def data farm connection is OK:secdefnj"));
    }

    void onDisconnect(SimConnection c) {
        sessions.remove(c.clientId, c);
    }

    void dropAll() {
        for (SimConnection c : new ArrayList<>(sessions.values())) c.close();
        sessions.clear();
    }

    int nextValidId(int clientId) { return maxIdByClient.getOrDefault(clientId, 0) + 1; }

    /** The live session of a client, or null while it is away (its orders keep working). */
    SimConnection session(int clientId) { return sessions.get(clientId); }

    void tick() {
        market.step();
        fills.crossResting();
    }

    void setPrice(String symbol, BigDecimal price) {
        market.set(symbol, price);
        fills.crossResting();
    }

    static ErrorMessage error(int id, int code, String msg) {
        return new ErrorMessage(id, code, msg, null, System.currentTimeMillis());
    }
}
