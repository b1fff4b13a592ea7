package io.oms.ib.client;

import io.oms.ib.client.PacingGate.Lane;
import io.oms.ib.msg.ClientMessage;
import io.oms.ib.msg.ExecutionFilter;
import io.oms.ib.msg.ReqAllOpenOrders;
import io.oms.ib.msg.ReqCompletedOrders;
import io.oms.ib.msg.ReqCurrentTime;
import io.oms.ib.msg.ReqExecutions;
import io.oms.ib.msg.ReqIds;
import io.oms.ib.msg.ReqOpenOrders;
import io.oms.ib.msg.ReqPositions;
import io.oms.ib.wire.ServerVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Request/response plumbing shared by the public API and the session supervisor: register the waiter,
 * queue the request, and withdraw the registration if the send fails or no answer comes in time.
 */
final class RequestSender {
    private final PendingRequests pending;
    private final OutboundQueue outbound;
    private final Duration timeout;

    RequestSender(PendingRequests pending, OutboundQueue outbound, Duration timeout) {
        this.pending = pending;
        this.outbound = outbound;
        this.timeout = timeout;
    }

    CompletableFuture<Void> send(IbSession s, Lane lane, ClientMessage m) { return outbound.submit(s, lane, m); }

    CompletableFuture<List<OpenOrderEvent>> openOrders(IbSession s) {
        var c = new PendingRequests.Collector<OpenOrderEvent>();
        pending.openOrders.add(c);
        return request(s, Lane.NORMAL, new ReqOpenOrders(), c.future, () -> pending.openOrders.remove(c), timeout);
    }

    /** Every client's open orders, without binding them to this client (openOrder rows, then openOrderEnd). */
    CompletableFuture<List<OpenOrderEvent>> allOpenOrders(IbSession s) {
        var c = new PendingRequests.Collector<OpenOrderEvent>();
        pending.openOrders.add(c);
        return request(s, Lane.NORMAL, new ReqAllOpenOrders(), c.future, () -> pending.openOrders.remove(c), timeout);
    }

    /** reqIds: the gateway's next valid order id, answered by nextValidId. */
    CompletableFuture<Integer> nextValidId(IbSession s) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        pending.nextIds.add(f);
        return request(s, Lane.NORMAL, new ReqIds(1), f, () -> pending.nextIds.remove(f), timeout);
    }

    /** Today's finished orders; servers below sv 150 do not know the request, so it fails without being sent. */
    CompletableFuture<List<CompletedOrderEvent>> completedOrders(IbSession s, boolean apiOnly) {
        if (s.serverVersion < ServerVersion.COMPLETED_ORDERS) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "reqCompletedOrders needs server version " + ServerVersion.COMPLETED_ORDERS + ", not " + s.serverVersion));
        }
        var c = new PendingRequests.Collector<CompletedOrderEvent>();
        pending.completedOrders.add(c);
        return request(s, Lane.NORMAL, new ReqCompletedOrders(apiOnly), c.future,
                () -> pending.completedOrders.remove(c), timeout);
    }

    CompletableFuture<List<ExecutionEvent>> executions(IbSession s, ExecutionFilter filter) {
        int reqId = pending.nextReqId();
        var c = new PendingRequests.Collector<ExecutionEvent>();
        pending.executions.put(reqId, c);
        return request(s, Lane.NORMAL, new ReqExecutions(reqId, filter), c.future,
                () -> pending.executions.remove(reqId), timeout);
    }

    CompletableFuture<List<PositionEvent>> positions(IbSession s) {
        var c = new PendingRequests.Collector<PositionEvent>();
        pending.positions.add(c);
        return request(s, Lane.NORMAL, new ReqPositions(), c.future, () -> pending.positions.remove(c), timeout);
    }

    /** currentTime answers are interchangeable, so a probe and a caller may share the FIFO of waiters. */
    CompletableFuture<Instant> currentTime(IbSession s, Lane lane, Duration within) {
        CompletableFuture<Instant> f = new CompletableFuture<>();
        pending.times.add(f);
        return request(s, lane, new ReqCurrentTime(), f, () -> pending.times.remove(f), within);
    }

    private <T> CompletableFuture<T> request(IbSession s, Lane lane, ClientMessage m, CompletableFuture<T> f,
                                             Runnable unregister, Duration within) {
        CompletableFuture<T> answer = f.orTimeout(within.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, err) -> { if (err != null) unregister.run(); });
        outbound.submit(s, lane, m).whenComplete((v, err) -> { if (err != null) f.completeExceptionally(err); });
        return answer;
    }
}
