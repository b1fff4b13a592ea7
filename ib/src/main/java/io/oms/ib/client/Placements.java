package io.oms.ib.client;

import io.oms.ib.client.PacingGate.Lane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * New orders and modifies, the requests that add risk (cancels are not here: they always go out). Refused with
 * nothing sent while the breaker refuses orders. When nothing has been received for longer than
 * probeBeforeSendAfterIdle, they go out only after a liveness round trip answers: a half-open socket otherwise
 * swallows them (OpenAlice #294); an unanswered probe refuses them and closes the session, as the periodic probe
 * does. Placements arriving while that probe is pending share it and then go out in call order. Under steady
 * traffic there is no extra round trip.
 */
final class Placements {
    private final String name;
    private final Duration requestTimeout;
    private final Duration idle;
    private final OrderRegistry orders;
    private final MetricsRecorder metrics;
    private final CircuitBreaker breaker;
    private final RequestSender sender;
    private final SessionSupervisor supervisor;
    /** Allocating an id and queueing its order are one step; also guards waiting. */
    private final Object placeLock = new Object();
    /** Sends waiting for the probe on waitingOn, in call order; null when none is pending. */
    private List<Consumer<Throwable>> waiting;
    private IbSession waitingOn;

    Placements(IbConnectionConfig config, IbClientOptions options, OrderRegistry orders, MetricsRecorder metrics,
               CircuitBreaker breaker, RequestSender sender, SessionSupervisor supervisor) {
        this.name = config.name();
        this.requestTimeout = config.requestTimeout();
        this.idle = options.probeBeforeSendAfterIdle();
        this.orders = orders;
        this.metrics = metrics;
        this.breaker = breaker;
        this.sender = sender;
        this.supervisor = supervisor;
    }

    CompletableFuture<PlaceAck> place(OrderSpec spec) {
        long started = metrics.now();
        return whenLive(s -> send(s, spec, started));
    }

    CompletableFuture<PlaceAck> modify(int orderId, OrderSpec spec) {
        return whenLive(s -> sendModify(s, orderId, spec));
    }

    /** Sends now, or after a liveness round trip when the gateway has been quiet for longer than the idle threshold. */
    private CompletableFuture<PlaceAck> whenLive(Function<IbSession, CompletableFuture<PlaceAck>> send) {
        IbSession s = supervisor.readySession();
        IbUnavailableException refused = refusal(s);
        if (refused != null) return CompletableFuture.failedFuture(refused);
        if (idle.isZero() || metrics.quietNanos() <= idle.toNanos()) return send.apply(s);
        CompletableFuture<PlaceAck> result = new CompletableFuture<>();
        Consumer<Throwable> afterProbe = err -> {
            IbUnavailableException no = err != null ? unanswered(err)
                    : refusal(supervisor.readySession() == s ? s : null); // the session may have gone meanwhile
            if (no != null) {
                result.completeExceptionally(no);
                return;
            }
            try {
                send.apply(s).whenComplete((a, e) -> { if (e == null) result.complete(a); else result.completeExceptionally(e); });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        synchronized (placeLock) {
            // A probe may have answered while this call was deciding: then the gateway is live and nothing waits.
            if (waiting == null && metrics.quietNanos() <= idle.toNanos()) return send.apply(s);
            if (waiting == null || waitingOn != s) {
                List<Consumer<Throwable>> batch = new ArrayList<>();
                waiting = batch;
                waitingOn = s;
                // Off the dispatch thread (which completes the probe): allocating an id may write to the database.
                supervisor.probe(s).whenComplete((t, err) -> Thread.ofVirtual().name("ib-place-" + name)
                        .start(() -> release(batch, err)));
            }
            waiting.add(afterProbe);
        }
        return result;
    }

    /** Under the lock, so the waiting orders are queued before any placement that arrives after the answer. */
    private void release(List<Consumer<Throwable>> batch, Throwable err) {
        synchronized (placeLock) {
            if (waiting == batch) waiting = null;
            batch.forEach(c -> c.accept(err));
        }
    }

    private CompletableFuture<PlaceAck> send(IbSession s, OrderSpec spec, long started) {
        CompletableFuture<PlaceAck> ack = new CompletableFuture<>();
        int id;
        // IB refuses (103) a new order id that is not above every id sent before it, so ids must reach the
        // wire in allocation order: allocating and queueing (FIFO lane) happen as one step.
        synchronized (placeLock) {
            try {
                id = orders.allocate();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e); // the id could not be persisted: do not send it
            }
            orders.register(id, spec.orderRef(), ack);
            sender.send(s, Lane.NORMAL, spec.toWire(id)).whenComplete((v, err) -> {
                if (err == null) return;
                orders.withdraw(id);
                ack.completeExceptionally(err);
            });
        }
        metrics.placed();
        return ack.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((a, err) -> {
            if (err != null) {
                orders.forget(id);
                return;
            }
            metrics.acknowledged(metrics.now() - started, a.rejected());
            supervisor.roundTripSucceeded();
        });
    }

    private CompletableFuture<PlaceAck> sendModify(IbSession s, int orderId, OrderSpec spec) {
        CompletableFuture<PlaceAck> ack = new CompletableFuture<>();
        orders.modifying(orderId, spec, ack);
        sender.send(s, Lane.NORMAL, spec.toWire(orderId)).whenComplete((v, err) -> {
            if (err != null) ack.completeExceptionally(err);
        });
        return ack.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((a, err) -> {
            if (err != null) orders.forget(orderId);
        });
    }

    /** Why new risk cannot be sent now (no ready session, or the breaker refuses orders), or null. */
    private IbUnavailableException refusal(IbSession s) {
        ConnectorHealth h = breaker.health();
        if (s != null && h.state().acceptsOrders()) return null;
        ConnectorState st = s == null && h.state().acceptsOrders() ? ConnectorState.DOWN : h.state();
        return new IbUnavailableException(st, "[" + name + "] " + st + ": " + h.reason());
    }

    /** The probe failed: a timeout (the session is already closed), a lost session or a closed connector. */
    private IbUnavailableException unanswered(Throwable err) {
        Throwable cause = LivenessProbe.unwrap(err);
        if (cause instanceof IbUnavailableException u) return u;
        return new IbUnavailableException(ConnectorState.DOWN, "[" + name + "] nothing received for over " + idle
                + " and the liveness probe failed (" + cause + "); not sent");
    }
}
