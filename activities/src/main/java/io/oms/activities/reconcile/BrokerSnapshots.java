package io.oms.activities.reconcile;

import io.oms.ib.client.IbConnector;
import io.oms.ib.msg.ExecutionFilter;
import io.oms.workflows.activities.RunTicket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks IB for one account's orders, executions and positions, in the order IB's reconciliation guide gives (orders
 * before executions, so fills find their orders known). Every request is bounded; one that fails or times out fails
 * the capture (a run never compares against half a picture).
 */
final class BrokerSnapshots {
    /** IB's execution filter time: UTC, {@code yyyyMMdd-HH:mm:ss}; it reports executions after it. */
    private static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private final IbConnector connector;
    private final Duration timeout;

    BrokerSnapshots(IbConnector connector, Duration timeout) {
        this.connector = connector;
        this.timeout = timeout;
    }

    /**
     * IB's view for the run's scope, today's completed orders only for a full run: the day's completed orders are
     * the largest answer IB gives, so a periodic check asks for them only when it needs them ({@link #withCompleted}).
     */
    BrokerSnapshot capture(RunTicket ticket) {
        String account = ticket.account();
        boolean orders = ticket.scope().comparesOrders();
        boolean fills = ticket.scope().comparesExecutionsAndPositions();
        var open = orders ? await(connector.requestAllOpenOrders(), "open orders").stream()
                .filter(o -> account.equals(o.account())).toList() : List.<io.oms.ib.client.OpenOrderEvent>of();
        var executions = await(connector.requestExecutions(filter(account, ticket.executionsSince())), "executions")
                .stream().filter(e -> account.equals(e.account())).toList();
        var positions = fills ? await(connector.requestPositions(), "positions").stream()
                .filter(p -> account.equals(p.account())).toList() : List.<io.oms.ib.client.PositionEvent>of();
        BrokerSnapshot snapshot = new BrokerSnapshot(open, List.of(), executions, positions, fills);
        return ticket.scope() == io.oms.workflows.reconcile.RunScope.FULL ? withCompleted(snapshot, account) : snapshot;
    }

    /** IB's positions of the account, asked again. */
    List<io.oms.ib.client.PositionEvent> positions(String account) {
        return await(connector.requestPositions(), "positions").stream().filter(p -> account.equals(p.account())).toList();
    }

    /** The snapshot with today's completed orders of the account. */
    BrokerSnapshot withCompleted(BrokerSnapshot snapshot, String account) {
        var completed = await(connector.requestCompletedOrders(false), "completed orders").stream()
                .filter(o -> account.equals(o.account())).toList();
        return new BrokerSnapshot(snapshot.openOrders(), completed, snapshot.executions(), snapshot.positions(),
                snapshot.positionsReported());
    }

    static ExecutionFilter filter(String account, Instant since) {
        return new ExecutionFilter(0, account, since == null ? null : FILTER_TIME.format(since), null, null, null, null);
    }

    private <T> T await(CompletableFuture<T> request, String what) {
        try {
            return request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.cancel(false);
            throw new IllegalStateException("IB did not answer the " + what + " request within " + timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the " + what + " request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking IB for " + what);
        }
    }
}
