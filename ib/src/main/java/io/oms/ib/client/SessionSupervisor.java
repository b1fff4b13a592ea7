package io.oms.ib.client;

import io.oms.ib.msg.NextValidId;
import io.oms.ib.msg.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the session lifecycle: readiness (only after nextValidId, since IB may drop earlier requests), the
 * {@link Resync} after every ready session and every restored IB link (placement refused as SYNCING until it
 * ends), the circuit breaker's inputs and change notices, and scheduling the liveness probe.
 * Messages are applied on the dispatch thread, tagged with the session they came from, so a late
 * message of a dead session can never mark its successor ready or down.
 */
final class SessionSupervisor implements SessionLoop.Hooks, InboundHandler.SessionCallbacks {
    private static final Logger log = LoggerFactory.getLogger(SessionSupervisor.class);

    private final IbConnectionConfig config;
    private final IbClientOptions options;
    private final IbEventListener listener;
    private final ExecutorService dispatch;
    private final OutboundQueue outbound;
    private final PendingRequests pending;
    private final RequestSender sender;
    private final CircuitBreaker breaker;
    private final MetricsRecorder metrics;
    private final Resync resync;
    private final InboundHandler inbound;
    private final LivenessProbe probe;
    private final Object readyLock = new Object();
    /** The connected session (guarded by readyLock for writes). */
    private volatile IbSession session;
    /** The same session once past nextValidId, else null: the only one requests may use. */
    private volatile IbSession readySession;
    private boolean stopped;
    /** Dispatch-thread only: the session the message being handled came from. */
    private IbSession handling;

    SessionSupervisor(IbConnectionConfig config, IbClientOptions options, IbEventListener listener,
                      ExecutorService dispatch, OutboundQueue outbound, PendingRequests pending, RequestSender sender,
                      CircuitBreaker breaker, MetricsRecorder metrics, MarketDataSubscriptions marketData,
                      OrderRegistry orders) {
        this.config = config;
        this.options = options;
        this.listener = listener;
        this.dispatch = dispatch;
        this.outbound = outbound;
        this.pending = pending;
        this.sender = sender;
        this.breaker = breaker;
        this.metrics = metrics;
        this.resync = new Resync(config.name(), config.clientId(), sender, marketData);
        this.inbound = new InboundHandler(listener, orders, pending, this, config.clientId());
        this.probe = new LivenessProbe(config.name(), options.probeTimeout(), sender, this::readySession,
                this::roundTripSucceeded);
    }

    InboundHandler inbound() { return inbound; }

    void schedule(ScheduledExecutorService timer) {
        // Time alone moves the breaker from OPEN to HALF_OPEN; poll so the listener hears of it.
        timer.scheduleWithFixedDelay(this::publishHealth, 250, 250, TimeUnit.MILLISECONDS);
        long every = options.probeInterval().toMillis();
        if (every > 0) timer.scheduleWithFixedDelay(probe, every, every, TimeUnit.MILLISECONDS);
    }

    /** A liveness round trip on s (shared with one in flight); a timeout closes s, as the periodic probe does. */
    CompletableFuture<Instant> probe(IbSession s) { return probe.check(s); }

    /** Past nextValidId: requests may use it (the re-sync itself needs it), whether or not it is synced. */
    IbSession readySession() { return readySession; }

    /** Ready and not re-syncing: the breaker alone now decides whether orders go out. */
    boolean isReady() { return readySession != null && !breaker.syncing(); }

    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (readyLock) {
            while (!isReady()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return false;
                readyLock.wait(left);
            }
            return true;
        }
    }

    /** A placement was acknowledged or a probe answered: the gateway is really there. */
    void roundTripSucceeded() {
        breaker.success();
        publishHealth();
    }

    void stop() {
        synchronized (readyLock) {
            stopped = true;
            readySession = null;
            readyLock.notifyAll();
        }
        breaker.stop();
        publishHealth();
    }

    @Override
    public void connected(IbSession s) {
        metrics.connected();
        synchronized (readyLock) { session = s; }
    }

    @Override
    public void received(IbSession s, ServerMessage m) {
        metrics.inbound();
        dispatch.execute(() -> {
            handling = s;
            inbound.handle(m);
        });
    }

    @Override
    public void lost(IbSession s, String reason) {
        metrics.disconnected();
        synchronized (readyLock) {
            if (session == s) session = null;
            if (readySession == s) readySession = null;
            breaker.sessionDown(reason);
            publishHealth();
        }
        outbound.failSession(s, "session lost: " + reason);
        runOnDispatch(() -> {
            pending.failAll(new IbNotConnectedException("session lost: " + reason));
            try { listener.onSessionLost(reason); } catch (RuntimeException e) { log.error("onSessionLost failed", e); }
        });
    }

    /** Dispatch thread: the first nextValidId of the current session makes it ready and starts the re-sync. */
    @Override
    public void nextValidId(NextValidId n) {
        IbSession s = handling;
        if (s == null || s != session || s.readyFired) return;
        s.readyFired = true;
        try {
            listener.onSessionReady(new SessionInfo(config.name(), inbound.accounts(), s.serverVersion, n.orderId()));
        } catch (RuntimeException e) {
            log.error("onSessionReady failed", e);
        }
        // Ready only after the listener has seen the session, so awaitReady() implies onSessionReady ran; and
        // only if it is still the current session (the reader may have lost it meanwhile).
        // One step under readyLock (which lost() also takes): a caller seeing the new session finds the breaker
        // already SYNCING (never a stale UP), and the loss of this session can only be reported after that.
        long epoch;
        synchronized (readyLock) {
            if (stopped || s != session) return;
            readySession = s;
            epoch = breaker.sessionUp();
            publishHealth();
        }
        resync(s, epoch);
        resync.resubscribe(s); // a new socket has no market data subscriptions
    }

    /** Dispatch thread: IB-side connectivity, client id clash, pacing. */
    @Override
    public void notice(IbErrorEvent e) {
        IbSession s = handling;
        if (s == null || s != session) return; // a dead session's last words
        switch (e.kind()) {
            case CONNECTIVITY_LOST -> breaker.venueDown(e.code() + " " + e.message());
            case CONNECTIVITY_RESTORED_DATA_LOST -> { resync.resubscribe(s); resync(s, breaker.venueUp()); }
            case CONNECTIVITY_RESTORED -> resync(s, breaker.venueUp());
            case CLIENT_ID_IN_USE -> log.error("[{}] client id {} is in use by another connection: {}", config.name(),
                    config.clientId(), e.message());
            case PACING_VIOLATION -> log.error("[{}] IB reports a pacing violation: {}", config.name(), e.message());
            default -> log.warn("[{}] IB notice {}: {}", config.name(), e.code(), e.message());
        }
        publishHealth();
    }

    /** Whatever thread ends the sync: only the latest epoch's end lets orders (and awaitReady callers) through. */
    private void resync(IbSession s, long epoch) {
        resync.run(s).whenComplete((v, e) -> {
            synchronized (readyLock) {
                if (!breaker.synced(epoch)) return;
                publishHealth();
                readyLock.notifyAll();
            }
        });
    }

    /** Queued under the breaker's lock, so changes seen from several threads reach the listener in order. */
    private void publishHealth() {
        breaker.reportChange(h -> runOnDispatch(() -> {
            try { listener.onHealthChanged(h); } catch (RuntimeException e) { log.error("onHealthChanged failed", e); }
        }));
    }

    private void runOnDispatch(Runnable r) {
        try {
            dispatch.execute(r);
        } catch (RejectedExecutionException e) {
            log.debug("dispatch closed; dropping a session notice");
        }
    }
}
