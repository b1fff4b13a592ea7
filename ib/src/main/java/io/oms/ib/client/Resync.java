package io.oms.ib.client;

import io.oms.ib.client.PacingGate.Lane;
import io.oms.ib.msg.ExecutionFilter;
import io.oms.ib.wire.ServerVersion;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs after every ready session and every restored IB link (protocol notes §3.6): open orders, then
 * today's completed orders (terminal states reached while away), then today's executions, each step only
 * after the previous one ended, because fills must find their orders already known. Every step is bounded
 * by the request timeout, and a failed or unanswered step is logged and skipped, so the sync always ends
 * and placement (refused while it runs) resumes even against a gateway that ignores one request. The
 * answers reach the listener as ordinary events; fills are de-duplicated by execId downstream.
 * Also re-sends the streaming market data subscriptions, which IB drops with the socket and on 1101.
 */
final class Resync {
    private static final Logger log = LoggerFactory.getLogger(Resync.class);

    private final String name;
    private final int clientId;
    private final RequestSender sender;
    private final MarketDataSubscriptions marketData;

    Resync(String name, int clientId, RequestSender sender, MarketDataSubscriptions marketData) {
        this.name = name;
        this.clientId = clientId;
        this.sender = sender;
        this.marketData = marketData;
    }

    /** Completes (never exceptionally) once every step was answered, failed or timed out. */
    CompletableFuture<Void> run(IbSession s) {
        long started = System.nanoTime();
        return step(s, "open-order", () -> sender.openOrders(s))
                .thenCompose(v -> s.serverVersion < ServerVersion.COMPLETED_ORDERS ? done()
                        : step(s, "completed-order", () -> sender.completedOrders(s, false))) // all clients: §3.6
                .thenCompose(v -> step(s, "execution", () -> sender.executions(s, ExecutionFilter.forClient(clientId))))
                .thenRun(() -> log.info("[{}] re-sync done in {} ms", name, (System.nanoTime() - started) / 1_000_000));
    }

    void resubscribe(IbSession s) {
        for (var r : marketData.all()) {
            sender.send(s, Lane.NORMAL, r).exceptionally(e -> {
                log.warn("[{}] market data resubscription of {} failed: {}", name, r.tickerId(), e.toString());
                return null;
            });
        }
    }

    private CompletableFuture<Void> step(IbSession s, String what, Supplier<CompletableFuture<?>> request) {
        if (!s.isOpen()) return done(); // the session died mid-sync: its successor runs its own
        return request.get().handle((rows, err) -> {
            if (err != null) log.warn("[{}] {} sync failed, continuing without it: {}", name, what, err.toString());
            return null;
        });
    }

    private static CompletableFuture<Void> done() { return CompletableFuture.completedFuture(null); }
}
