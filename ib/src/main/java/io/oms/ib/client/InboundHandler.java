package io.oms.ib.client;

import io.oms.ib.msg.*;
import io.oms.ib.wire.ExecTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies server messages on the dispatch thread: updates the order registry, answers pending
 * requests and calls the listener. Fills and commissions are delivered once per execId, so the
 * recovery sync after a reconnect can safely replay the whole day.
 */
final class InboundHandler {
    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);

    private final IbEventListener listener;
    private final OrderRegistry orders;
    private final PendingRequests pending;
    private final Set<String> deliveredExecs = ConcurrentHashMap.newKeySet();
    private final Set<String> deliveredCommissions = ConcurrentHashMap.newKeySet();
    private final Consumer<NextValidId> onNextValidId;
    private volatile List<String> accounts = List.of();

    InboundHandler(IbEventListener listener, OrderRegistry orders, PendingRequests pending,
                   Consumer<NextValidId> onNextValidId) {
        this.listener = listener;
        this.orders = orders;
        this.pending = pending;
        this.onNextValidId = onNextValidId;
    }

    List<String> accounts() { return accounts; }

    void handle(ServerMessage m) {
        switch (m) {
            case ManagedAccounts a -> accounts = a.accounts();
            case NextValidId n -> { orders.onNextValidId(n.orderId()); onNextValidId.accept(n); }
            case ErrorMessage e -> onError(e);
            case OrderStatus s -> onStatus(s);
            case OpenOrder o -> onOpenOrder(o);
            case OpenOrderEnd ignored -> {
                var c = pending.openOrders.poll();
                if (c != null) c.future.complete(List.copyOf(c.rows));
            }
            case ExecDetails x -> onExec(x);
            case ExecDetailsEnd end -> {
                var c = pending.executions.remove(end.reqId());
                if (c != null) c.future.complete(List.copyOf(c.rows));
            }
            case CommissionReport c -> {
                // Only for fills the listener has seen, and only once.
                if (deliveredExecs.contains(c.execId()) && deliveredCommissions.add(c.execId())) {
                    safely(() -> listener.onCommission(new CommissionEvent(c.execId(), c.commission(), c.currency(),
                            c.realizedPnl())));
                }
            }
            case Position p -> {
                var c = pending.positions.peek();
                if (c != null) c.rows.add(new PositionEvent(p.account(), p.conId(), p.symbol(), p.secType(),
                        p.currency(), p.position(), p.avgCost()));
            }
            case PositionEnd ignored -> {
                var c = pending.positions.poll();
                if (c != null) c.future.complete(List.copyOf(c.rows));
            }
            case CurrentTime t -> {
                var f = pending.times.poll();
                if (f != null) f.complete(Instant.ofEpochSecond(t.epochSeconds()));
            }
            case TickReqParams ignored -> { }
            case TickPrice ignored -> { }
            case TickSize ignored -> { }
        }
    }

    private void onError(ErrorMessage e) {
        String ref = e.id() >= 0 ? orders.refOf(e.id()) : null;
        IbErrorEvent ev = new IbErrorEvent(e.id(), e.code(), e.message(), ref);
        if (e.id() >= 0 && !ev.isInformational()) {
            orders.reject(e.id(), e.code(), e.message());
        }
        safely(() -> listener.onError(ev));
    }

    private void onStatus(OrderStatus s) {
        String ref = orders.learn(s.orderId(), null, s.permId(), s.status());
        orders.acknowledge(s.orderId(), s.permId(), s.status());
        safely(() -> listener.onOrderStatus(new OrderStatusEvent(s.orderId(), ref, s.status(), s.filled(),
                s.remaining(), s.avgFillPrice(), s.lastFillPrice(), s.permId(), s.clientId(), s.whyHeld())));
    }

    private void onOpenOrder(OpenOrder o) {
        String ref = orders.learn(o.orderId(), o.orderRef(), o.permId(), o.status());
        orders.acknowledge(o.orderId(), o.permId(), o.status());
        OpenOrderEvent ev = new OpenOrderEvent(o.orderId(), o.permId(), o.clientId(), ref, o.account(), o.symbol(),
                o.secType(), o.exchange(), o.currency(), o.action(), o.totalQuantity(), o.orderType(), o.lmtPrice(),
                o.tif(), o.status());
        var c = pending.openOrders.peek();
        if (c != null) c.rows.add(ev);
        safely(() -> listener.onOpenOrder(ev));
    }

    private void onExec(ExecDetails x) {
        String ref = orders.learn(x.orderId(), x.orderRef(), x.permId(), null);
        ExecutionEvent ev = new ExecutionEvent(x.execId(), x.orderId(), x.permId(), x.clientId(), ref, x.account(),
                x.symbol(), x.side(), x.shares(), x.price(), x.cumQty(), x.avgPrice(), x.exchange(),
                ExecTimes.parse(x.time(), ZoneId.systemDefault()), x.time());
        var c = x.reqId() == -1 ? null : pending.executions.get(x.reqId());
        if (c != null) c.rows.add(ev);
        boolean live = x.reqId() == -1 || (c != null && c.deliver);
        if (live && x.execId() != null && deliveredExecs.add(x.execId())) {
            safely(() -> listener.onExecution(ev));
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // A failing listener must not stop the dispatch thread or later events.
            log.error("IB event listener failed", e);
        }
    }
}
