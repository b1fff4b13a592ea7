package io.oms.ib.client;

import io.oms.ib.msg.*;
import io.oms.ib.wire.WireException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-healing connection to one TWS/IB Gateway. A background thread connects, reads frames and
 * reconnects with exponential backoff and full jitter (same clientId). Decoded messages are applied on
 * one dispatch thread in wire order. After every nextValidId the connector re-syncs open orders and
 * today's executions of its clientId, delivering them like live events so nothing missed while
 * disconnected is lost (duplicates are suppressed by execId).
 */
public final class IbConnector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IbConnector.class);

    private final IbConnectionConfig config;
    private final IbClientOptions options;
    private final IbEventListener listener;
    private final OrderRegistry orders;
    private final PendingRequests pending = new PendingRequests();
    private final InboundHandler inbound;
    private final TokenBucket bucket;
    private final ExecutorService dispatch;
    private final Object readyLock = new Object();
    private final Object placeLock = new Object();
    private volatile IbSession session;
    private volatile boolean ready;
    private volatile boolean closed;
    private Thread ioThread;

    public IbConnector(IbConnectionConfig config, OrderIdStore ids, IbEventListener listener) {
        this(config, ids, listener, IbClientOptions.defaults());
    }

    public IbConnector(IbConnectionConfig config, OrderIdStore ids, IbEventListener listener, IbClientOptions options) {
        this.config = config;
        this.options = options;
        this.listener = listener;
        this.orders = new OrderRegistry(config.name(), ids);
        this.inbound = new InboundHandler(listener, orders, pending, this::onNextValidId);
        this.bucket = new TokenBucket(options.messagesPerSecond(), options.burst());
        this.dispatch = Executors.newSingleThreadExecutor(r -> daemon(r, "ib-dispatch-" + config.name()));
    }

    public synchronized void start() {
        if (ioThread != null) return;
        ioThread = daemon(this::connectLoop, "ib-reader-" + config.name());
        ioThread.start();
    }

    public boolean isReady() { return ready; }

    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (readyLock) {
            while (!ready) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return false;
                readyLock.wait(left);
            }
            return true;
        }
    }

    public List<String> managedAccounts() { return inbound.accounts(); }

    public CompletableFuture<PlaceAck> placeOrder(OrderSpec spec) {
        IbSession s = readySession();
        if (s == null) return notConnected();
        CompletableFuture<PlaceAck> ack = new CompletableFuture<>();
        int id;
        // IB refuses (103) a new order id that is not above every id sent before it, so an id must reach the
        // wire before any later one: allocation and sending happen as one step.
        synchronized (placeLock) {
            id = orders.allocate();
            orders.register(id, spec.orderRef(), ack);
            PlaceOrder msg = new PlaceOrder(id, 0, spec.symbol(), or(spec.secType(), "STK"), or(spec.exchange(), "SMART"),
                    spec.primaryExchange(), or(spec.currency(), "USD"), spec.action(), plain(spec.quantity()),
                    spec.orderType(), plain(spec.limitPrice()), null, or(spec.tif(), "DAY"), spec.account(),
                    spec.orderRef(), true, false);
            try {
                send(s, msg);
            } catch (IOException | RuntimeException e) {
                orders.forget(id);
                return CompletableFuture.failedFuture(e);
            }
        }
        return ack.orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((a, err) -> { if (err != null) orders.forget(id); });
    }

    public Optional<PlaceAck> findByOrderRef(String orderRef) { return orders.byRef(orderRef); }

    public CompletableFuture<Void> cancelOrder(int orderId) {
        IbSession s = readySession();
        if (s == null) return notConnected();
        try {
            send(s, new CancelOrder(orderId, null));
            return CompletableFuture.completedFuture(null);
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public CompletableFuture<List<OpenOrderEvent>> requestOpenOrders() {
        IbSession s = readySession();
        if (s == null) return notConnected();
        return openOrders(s, false);
    }

    public CompletableFuture<List<ExecutionEvent>> requestExecutions(ExecutionFilter filter) {
        IbSession s = readySession();
        if (s == null) return notConnected();
        return executions(s, filter, false);
    }

    public CompletableFuture<List<PositionEvent>> requestPositions() {
        IbSession s = readySession();
        if (s == null) return notConnected();
        var c = new PendingRequests.Collector<PositionEvent>(false);
        pending.positions.add(c);
        return request(s, new ReqPositions(), c.future, () -> pending.positions.remove(c));
    }

    public CompletableFuture<Instant> requestCurrentTime() {
        IbSession s = readySession();
        if (s == null) return notConnected();
        CompletableFuture<Instant> f = new CompletableFuture<>();
        pending.times.add(f);
        return request(s, new ReqCurrentTime(), f, () -> pending.times.remove(f));
    }

    @Override
    public void close() {
        closed = true;
        setReady(false);
        IbSession s = session;
        if (s != null) s.close();
        if (ioThread != null) ioThread.interrupt();
        dispatch.execute(() -> pending.failAll(new IbNotConnectedException("connector closed")));
        dispatch.shutdown();
        try {
            if (ioThread != null) ioThread.join(2000);
            dispatch.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<List<OpenOrderEvent>> openOrders(IbSession s, boolean deliver) {
        var c = new PendingRequests.Collector<OpenOrderEvent>(deliver);
        pending.openOrders.add(c);
        return request(s, new ReqOpenOrders(), c.future, () -> pending.openOrders.remove(c));
    }

    private CompletableFuture<List<ExecutionEvent>> executions(IbSession s, ExecutionFilter filter, boolean deliver) {
        int reqId = pending.nextReqId();
        var c = new PendingRequests.Collector<ExecutionEvent>(deliver);
        pending.executions.put(reqId, c);
        return request(s, new ReqExecutions(reqId, filter), c.future, () -> pending.executions.remove(reqId));
    }

    /** Sends a registered request; on send failure or timeout the registration is withdrawn. */
    private <T> CompletableFuture<T> request(IbSession s, ClientMessage m, CompletableFuture<T> f, Runnable unregister) {
        try {
            send(s, m);
        } catch (IOException | RuntimeException e) {
            unregister.run();
            f.completeExceptionally(e);
            return f;
        }
        return f.orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, err) -> { if (err != null) unregister.run(); });
    }

    private void send(IbSession s, ClientMessage m) throws IOException {
        try {
            if (!bucket.acquire(config.requestTimeout().toNanos())) {
                throw new IOException("pacing: no send slot within " + config.requestTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pacing", e);
        }
        s.send(m);
    }

    /** On the dispatch thread: the first nextValidId of a session makes it ready and starts the recovery sync. */
    private void onNextValidId(NextValidId n) {
        IbSession s = session;
        if (s == null || s.readyFired) return;
        s.readyFired = true;
        try {
            listener.onSessionReady(new SessionInfo(config.name(), inbound.accounts(), s.serverVersion, n.orderId()));
        } catch (RuntimeException e) {
            log.error("onSessionReady failed", e);
        }
        // Ready only after the listener has seen the session, so awaitReady() implies onSessionReady ran.
        setReady(true);
        openOrders(s, true).exceptionally(e -> { log.warn("open-order sync failed: {}", e.toString()); return null; });
        executions(s, ExecutionFilter.forClient(config.clientId()), true)
                .exceptionally(e -> { log.warn("execution sync failed: {}", e.toString()); return null; });
    }

    private void connectLoop() {
        int attempt = 0;
        while (!closed) {
            String reason;
            IbSession s = null;
            try {
                s = IbSession.open(config, options);
                session = s;
                log.info("[{}] connected to {}:{} sv={}", config.name(), config.host(), config.port(), s.serverVersion);
                attempt = 0;
                while (!closed) {
                    List<String> fields = s.read();
                    Optional<ServerMessage> m = ServerMessages.decode(fields, s.serverVersion);
                    if (m.isEmpty()) {
                        log.debug("ignoring message {}", fields.isEmpty() ? "?" : fields.get(0));
                        continue;
                    }
                    ServerMessage msg = m.get();
                    dispatch.execute(() -> inbound.handle(msg));
                }
                reason = "closed";
            } catch (IOException | WireException e) {
                reason = e.toString();
            } catch (java.util.concurrent.RejectedExecutionException e) {
                reason = "closed";
            }
            boolean wasSession = s != null;
            if (s != null) s.close();
            session = null;
            setReady(false);
            if (wasSession && !closed) {
                String why = reason;
                log.warn("[{}] session lost: {}", config.name(), why);
                dispatch.execute(() -> {
                    pending.failAll(new IbNotConnectedException("session lost: " + why));
                    try { listener.onSessionLost(why); } catch (RuntimeException e) { log.error("onSessionLost failed", e); }
                });
            }
            if (closed) break;
            if (!sleepBackoff(attempt++)) break;
        }
    }

    /** Exponential backoff with full jitter: uniform in [0, min(max, min * 2^attempt)]. */
    private boolean sleepBackoff(int attempt) {
        long min = config.reconnectMinBackoff().toMillis();
        long cap = Math.min(config.reconnectMaxBackoff().toMillis(), min << Math.min(attempt, 20));
        long delay = ThreadLocalRandom.current().nextLong(cap + 1);
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void setReady(boolean value) {
        synchronized (readyLock) {
            ready = value;
            readyLock.notifyAll();
        }
    }

    private IbSession readySession() { return ready ? session : null; }

    private <T> CompletableFuture<T> notConnected() {
        return CompletableFuture.failedFuture(new IbNotConnectedException("[" + config.name() + "] not connected"));
    }

    private static String or(String v, String dflt) { return v == null || v.isBlank() ? dflt : v; }

    private static BigDecimal plain(BigDecimal v) { return v == null ? null : v.stripTrailingZeros(); }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
