package io.oms.ib.client;

import io.oms.ib.msg.*;
import io.oms.ib.wire.ExecTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies server messages on the dispatch thread: updates the order registry, answers pending requests
 * and calls the listener. Every order event is delivered, whether or not its orderRef is known here
 * (the worker keeps unmatched ones for reconciliation), and so is every completed order and tick. Fills and
 * commissions are delivered once per execId whichever request or replay brought them, so the recovery sync
 * can replay the whole day.
 */
final class InboundHandler {
    private static final Logger log = LoggerFactory.getLogger(InboundHandler.class);
    /** Commissions that arrived before their fill, held (bounded) until the fill is delivered. */
    private static final int PARKED_MAX = 10_000;

    /** What the session supervisor needs to hear about, before the listener does. */
    interface SessionCallbacks {
        void nextValidId(NextValidId n);

        /** Connectivity, session and pacing notices (not order errors or warnings). */
        void notice(IbErrorEvent e);
    }

    private final IbEventListener listener;
    private final OrderRegistry orders;
    private final PendingRequests pending;
    private final SessionCallbacks session;
    private final Set<String> deliveredExecs = ConcurrentHashMap.newKeySet();
    private final Set<String> deliveredCommissions = ConcurrentHashMap.newKeySet();
    private final Map<String, CommissionReport> parked = new LinkedHashMap<>();
    private volatile List<String> accounts = List.of();
    /** This session's client id: orders of other clients (reqAllOpenOrders, reqExecutions of all) are not ours. */
    private final int clientId;

    InboundHandler(IbEventListener listener, OrderRegistry orders, PendingRequests pending, SessionCallbacks session) {
        this(listener, orders, pending, session, -1);
    }

    /** {@code clientId} -1: every message is taken as this session's own (tests of single-client gateways). */
    InboundHandler(IbEventListener listener, OrderRegistry orders, PendingRequests pending, SessionCallbacks session,
                   int clientId) {
        this.clientId = clientId;
        this.listener = listener;
        this.orders = orders;
        this.pending = pending;
        this.session = session;
    }

    List<String> accounts() { return accounts; }

    void handle(ServerMessage m) {
        switch (m) {
            case ManagedAccounts a -> accounts = a.accounts();
            case NextValidId n -> {
                orders.onNextValidId(n.orderId());
                session.nextValidId(n);
                var waiter = pending.nextIds.poll();
                if (waiter != null) waiter.complete(n.orderId());
            }
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
            case CommissionReport c -> onCommission(c);
            case CompletedOrder o -> onCompleted(o);
            case CompletedOrdersEnd ignored -> {
                var c = pending.completedOrders.poll();
                if (c != null) c.future.complete(List.copyOf(c.rows));
            }
            case OrderBound b -> {
                orders.learn(b.orderId(), null, b.permId(), null); // its id is now taken on our client id
                safely(() -> listener.onOrderBound(b.permId(), b.clientId(), b.orderId()));
            }
            case TickPrice t -> tick(MarketDataEvent.of(t));
            case TickSize t -> tick(MarketDataEvent.of(t));
            case TickString t -> tick(MarketDataEvent.of(t));
            case TickGeneric t -> tick(MarketDataEvent.of(t));
            case MarketDataType t -> safely(() -> listener.onMarketDataType(t.reqId(), t.marketDataType()));
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
            // tickReqParams and messages added to the protocol later are not routed to the listener.
            default -> log.trace("not routed: {}", m);
        }
    }

    private void onError(ErrorMessage e) {
        String ref = e.id() >= 0 ? orders.refOf(e.id()) : null;
        IbErrorEvent ev = new IbErrorEvent(e.id(), e.code(), e.message(), ref);
        IbErrorKind kind = ev.kind();
        if (e.id() >= 0 && kind.failsPlacement()) {
            orders.reject(e.id(), e.code(), e.message());
        }
        IbErrorKind.Category cat = kind.category();
        if (cat == IbErrorKind.Category.CONNECTIVITY || cat == IbErrorKind.Category.SESSION
                || cat == IbErrorKind.Category.PACING) {
            session.notice(ev); // the breaker changes before the listener hears of it
        }
        safely(() -> listener.onError(ev));
        if (cat == IbErrorKind.Category.ORDER && e.id() >= 0) safely(() -> listener.onOrderError(ev));
        if (cat == IbErrorKind.Category.CONNECTIVITY) safely(() -> listener.onConnectivity(ev));
    }

    /**
     * Whether a message with this client id is about one of this session's orders. Order ids are per client, so
     * another client's order 5 is not ours: what IB says of it (answering reqAllOpenOrders or reqExecutions for every
     * client) must never be learnt under our order 5.
     */
    private boolean ours(int messageClientId) {
        return clientId < 0 || messageClientId == clientId;
    }

    private void onStatus(OrderStatus s) {
        if (!ours(s.clientId())) {
            return; // another client's order, answering reqAllOpenOrders: its openOrder carries it to the requester
        }
        String ref = orders.learn(s.orderId(), null, s.permId(), s.status(), s.filled());
        orders.acknowledge(s.orderId(), s.permId(), s.status());
        safely(() -> listener.onOrderStatus(new OrderStatusEvent(s.orderId(), ref, s.status(), s.filled(),
                s.remaining(), s.avgFillPrice(), s.lastFillPrice(), s.permId(), s.clientId(), s.whyHeld())));
    }

    private void onOpenOrder(OpenOrder o) {
        boolean own = ours(o.clientId());
        String ref = o.orderRef();
        if (own) {
            ref = orders.learn(o.orderId(), o.orderRef(), o.permId(), o.status());
            orders.acknowledge(o.orderId(), o.permId(), o.status());
            orders.openOrderShown(o);
        }
        OpenOrderEvent ev = new OpenOrderEvent(o.orderId(), o.permId(), o.clientId(), ref, o.account(), o.symbol(),
                o.secType(), o.exchange(), o.currency(), o.action(), o.totalQuantity(), o.orderType(), o.lmtPrice(),
                o.tif(), o.status());
        var c = pending.openOrders.peek();
        if (c != null) c.rows.add(ev);
        if (own) safely(() -> listener.onOpenOrder(ev)); // another client's is an answer for the requester only
    }

    /** Matched by permId, then orderRef (there is no order id), so the OMS learns terminal states it missed. */
    private void onCompleted(CompletedOrder o) {
        OrderRegistry.Match match = orders.completed(o.permId(), o.orderRef(), o.status(), o.filledQuantity());
        CompletedOrderEvent ev = CompletedOrderEvent.of(o, match.orderId(), match.orderRef());
        var c = pending.completedOrders.peek();
        if (c != null) c.rows.add(ev);
        safely(() -> listener.onCompletedOrder(ev));
    }

    private void tick(MarketDataEvent e) { safely(() -> listener.onTick(e)); }

    private void onExec(ExecDetails x) {
        String ref = ours(x.clientId()) ? orders.learn(x.orderId(), x.orderRef(), x.permId(), null, x.cumQty()) : x.orderRef();
        ExecutionEvent ev = new ExecutionEvent(x.execId(), x.orderId(), x.permId(), x.clientId(), ref, x.account(),
                x.symbol(), x.side(), x.shares(), x.price(), x.cumQty(), x.avgPrice(), x.exchange(),
                ExecTimes.parse(x.time(), ZoneId.systemDefault()), x.time());
        var c = x.reqId() == -1 ? null : pending.executions.get(x.reqId());
        if (c != null) c.rows.add(ev);
        // Delivered whichever request brought it (a caller's query, a timed-out sync, a replay), but only once.
        if (x.execId() == null || deliveredExecs.add(x.execId())) {
            safely(() -> listener.onExecution(ev));
            CommissionReport early = x.execId() == null ? null : parked.remove(x.execId());
            if (early != null) onCommission(early);
        }
    }

    private void onCommission(CommissionReport c) {
        if (!deliveredExecs.contains(c.execId())) {
            // Its fill is not here yet: keep it so the fill can precede it, never drop it.
            parked.put(c.execId(), c);
            if (parked.size() > PARKED_MAX) {
                var oldest = parked.entrySet().iterator();
                CommissionReport gone = oldest.next().getValue();
                oldest.remove();
                log.warn("commission for unknown execId {} delivered without its fill", gone.execId());
                deliverCommission(gone);
            }
            return;
        }
        deliverCommission(c);
    }

    private void deliverCommission(CommissionReport c) {
        if (deliveredCommissions.add(c.execId())) {
            safely(() -> listener.onCommission(new CommissionEvent(c.execId(), c.commission(), c.currency(),
                    c.realizedPnl())));
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
