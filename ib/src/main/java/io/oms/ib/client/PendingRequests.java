package io.oms.ib.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests waiting for their answers. Open orders, completed orders, positions and current time carry no request id,
 * so they are answered first-in first-out; executions are keyed by reqId.
 */
final class PendingRequests {
    /** Accumulates rows until the end marker (the rows also reach the listener, like live events). */
    static final class Collector<T> {
        final CompletableFuture<List<T>> future = new CompletableFuture<>();
        final List<T> rows = new ArrayList<>();
    }

    final ConcurrentLinkedDeque<Collector<OpenOrderEvent>> openOrders = new ConcurrentLinkedDeque<>();
    final ConcurrentLinkedDeque<Collector<CompletedOrderEvent>> completedOrders = new ConcurrentLinkedDeque<>();
    final ConcurrentLinkedDeque<Collector<PositionEvent>> positions = new ConcurrentLinkedDeque<>();
    final ConcurrentLinkedDeque<CompletableFuture<Instant>> times = new ConcurrentLinkedDeque<>();
    /** Waiters for reqIds; every nextValidId answers the oldest (they are interchangeable, like times). */
    final ConcurrentLinkedDeque<CompletableFuture<Integer>> nextIds = new ConcurrentLinkedDeque<>();
    final Map<Integer, Collector<ExecutionEvent>> executions = new ConcurrentHashMap<>();
    private final AtomicInteger reqIds = new AtomicInteger(1_000_000);

    int nextReqId() { return reqIds.incrementAndGet(); }

    /** Session gone: nothing in flight can be answered any more. */
    void failAll(Throwable cause) {
        openOrders.forEach(c -> c.future.completeExceptionally(cause));
        openOrders.clear();
        completedOrders.forEach(c -> c.future.completeExceptionally(cause));
        completedOrders.clear();
        positions.forEach(c -> c.future.completeExceptionally(cause));
        positions.clear();
        times.forEach(f -> f.completeExceptionally(cause));
        times.clear();
        nextIds.forEach(f -> f.completeExceptionally(cause));
        nextIds.clear();
        executions.values().forEach(c -> c.future.completeExceptionally(cause));
        executions.clear();
    }
}
