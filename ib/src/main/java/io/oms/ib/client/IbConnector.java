package io.oms.ib.client;

import io.oms.ib.client.PacingGate.Lane;
import io.oms.ib.msg.*;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A self-healing connection to one TWS/IB Gateway. A reader thread connects and reconnects with
 * exponential backoff and full jitter (same clientId); messages are applied on one dispatch thread in
 * wire order; every outbound message is paced by a writer thread, cancels first. After every ready
 * session (nextValidId) and every restored IB link the connector re-syncs open orders, today's completed
 * orders and executions, so nothing missed while away is lost (duplicates are suppressed by execId); new
 * orders are refused (SYNCING) until that sync ends, answered or timed out. A circuit breaker makes
 * placeOrder fail fast with {@link IbUnavailableException} while the broker is down, syncing or flapping, and
 * after an idle period a placement first waits for a liveness round trip ({@link Placements});
 * {@link #health()} and {@link #metrics()} expose the state for health checks.
 */
public final class IbConnector implements AutoCloseable {
    private final IbConnectionConfig config;
    private final OrderRegistry orders;
    private final PendingRequests pending = new PendingRequests();
    private final MarketDataSubscriptions marketData = new MarketDataSubscriptions();
    private final MetricsRecorder metrics;
    private final CircuitBreaker breaker;
    private final OutboundQueue outbound;
    private final RequestSender sender;
    private final SessionSupervisor supervisor;
    private final SessionLoop loop;
    private final ExecutorService dispatch;
    private final ScheduledExecutorService timer;
    private final Placements placements;
    private volatile boolean closed;

    public IbConnector(IbConnectionConfig config, OrderIdStore ids, IbEventListener listener) {
        this(config, ids, listener, IbClientOptions.defaults());
    }

    public IbConnector(IbConnectionConfig config, OrderIdStore ids, IbEventListener listener, IbClientOptions options) {
        this.config = config;
        this.orders = new OrderRegistry(config.name(), ids);
        this.metrics = new MetricsRecorder(InstantSource.system(), System::nanoTime, 1024);
        this.breaker = new CircuitBreaker(options.flapThreshold(), options.flapWindow(), options.openCoolDown(),
                InstantSource.system());
        this.dispatch = Executors.newSingleThreadExecutor(daemons("ib-dispatch-" + config.name()));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("ib-timer-" + config.name()));
        this.outbound = new OutboundQueue(options, System::nanoTime, config.requestTimeout(), metrics::outbound,
                config.name());
        this.sender = new RequestSender(pending, outbound, config.requestTimeout());
        this.supervisor = new SessionSupervisor(config, options, listener, dispatch, outbound, pending, sender, breaker,
                metrics, marketData, orders);
        // A self-seeded generator: the jitter must differ between processes reconnecting to the same gateway.
        Backoff backoff = new Backoff(config.reconnectMinBackoff(), config.reconnectMaxBackoff(), new Random());
        this.loop = new SessionLoop(config, options, backoff, supervisor);
        this.placements = new Placements(config, options, orders, metrics, breaker, sender, supervisor);
    }

    public synchronized void start() {
        if (closed) throw new IllegalStateException("closed");
        loop.start();
        supervisor.schedule(timer);
    }

    /** A session is past nextValidId and its re-sync ended (IB's link and the breaker: see {@link #health()}). */
    public boolean isReady() { return supervisor.isReady(); }

    /** Waits until {@link #isReady()}, so a placement right after it is not refused for a running re-sync. */
    public boolean awaitReady(Duration timeout) throws InterruptedException { return supervisor.awaitReady(timeout); }

    /** Circuit-breaker state for health checks; placeOrder is accepted only when it is UP or HALF_OPEN. */
    public ConnectorHealth health() { return breaker.health(); }

    public ConnectionMetrics metrics() { return metrics.snapshot(outbound.waiting()); }

    public List<String> managedAccounts() { return supervisor.inbound().accounts(); }

    /**
     * Places a new order. Fails fast, with nothing sent, with {@link IbUnavailableException} when the
     * breaker refuses orders, when the gateway was quiet for longer than probeBeforeSendAfterIdle and a
     * reqCurrentTime round trip then goes unanswered (the session is closed and reconnected), or when the order
     * cannot leave within the request timeout; otherwise completes with the first status or the reject.
     */
    public CompletableFuture<PlaceAck> placeOrder(OrderSpec spec) { return placements.place(spec); }

    /**
     * Modifies a working order: its order id with new terms (IB takes price, quantity and tif changes; a new
     * symbol, side or type is refused with 105, a filled order with 104). Completes with IB's next status for
     * the order, or rejected with the error, in which case the order keeps working as it was. Refused like a
     * placement while the breaker refuses orders, and probed first after an idle period: a modify can add risk.
     */
    public CompletableFuture<PlaceAck> modifyOrder(int orderId, OrderSpec spec) { return placements.modify(orderId, spec); }

    public Optional<PlaceAck> findByOrderRef(String orderRef) { return orders.byRef(orderRef); }

    /** Cancels go out whatever the breaker says (reducing risk is always allowed), ahead of new orders. */
    public CompletableFuture<Void> cancelOrder(int orderId) {
        return withSession(s -> sender.send(s, Lane.URGENT, new CancelOrder(orderId, null)));
    }

    /** Kill switch: reqGlobalCancel cancels every open order of the account, ahead of anything queued. */
    public CompletableFuture<Void> cancelAllOrders() {
        return withSession(s -> sender.send(s, Lane.URGENT, new ReqGlobalCancel()));
    }

    public CompletableFuture<List<OpenOrderEvent>> requestOpenOrders() { return withSession(sender::openOrders); }

    /** Every client's open orders (reqAllOpenOrders), without binding them to this client. */
    public CompletableFuture<List<OpenOrderEvent>> requestAllOpenOrders() { return withSession(sender::allOpenOrders); }

    /** The gateway's next valid order id (reqIds); the connector already keeps its own ids above it. */
    public CompletableFuture<Integer> requestNextValidId() { return withSession(sender::nextValidId); }

    /**
     * Today's finished orders (Filled, Cancelled, Inactive), each also delivered to the listener's
     * onCompletedOrder; apiOnly=false includes orders from TWS and other clients. Needs server version 150.
     */
    public CompletableFuture<List<CompletedOrderEvent>> requestCompletedOrders(boolean apiOnly) {
        return withSession(s -> sender.completedOrders(s, apiOnly));
    }

    public CompletableFuture<List<ExecutionEvent>> requestExecutions(ExecutionFilter filter) {
        return withSession(s -> sender.executions(s, filter));
    }

    public CompletableFuture<List<PositionEvent>> requestPositions() { return withSession(sender::positions); }

    public CompletableFuture<Instant> requestCurrentTime() {
        return withSession(s -> sender.currentTime(s, Lane.NORMAL, config.requestTimeout()));
    }

    /**
     * Subscribes to market data; ticks reach the listener's onTick (and onMarketDataType). Streaming
     * subscriptions are remembered and re-sent after every reconnect and after IB's 1101 ("restored, data lost").
     */
    public CompletableFuture<Void> requestMarketData(ReqMktData request) {
        return withSession(s -> {
            marketData.add(request);
            return sender.send(s, Lane.NORMAL, request);
        });
    }

    /** Stops a subscription: forgotten for resubscription, and cancelled at IB when a session is up. */
    public CompletableFuture<Void> cancelMarketData(int tickerId) {
        marketData.remove(tickerId);
        IbSession s = supervisor.readySession();
        return s == null ? CompletableFuture.completedFuture(null) : sender.send(s, Lane.NORMAL, new CancelMktData(tickerId));
    }

    public List<ReqMktData> marketDataSubscriptions() { return marketData.all(); }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        supervisor.stop();
        loop.close();
        timer.shutdownNow();
        outbound.close();
        dispatch.execute(() -> pending.failAll(new IbUnavailableException(ConnectorState.STOPPED, "connector closed")));
        dispatch.shutdown();
        try {
            dispatch.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Requests need a ready session; without one they fail at once, nothing queued for later. */
    private <T> CompletableFuture<T> withSession(Function<IbSession, CompletableFuture<T>> request) {
        IbSession s = supervisor.readySession();
        return s != null ? request.apply(s)
                : CompletableFuture.failedFuture(new IbNotConnectedException("[" + config.name() + "] not connected"));
    }

    private static ThreadFactory daemons(String name) { return Thread.ofPlatform().name(name).daemon().factory(); }
}
