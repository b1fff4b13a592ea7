package io.oms.ib.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Captures every callback, plus a single ordered journal to check event order. */
class RecordingListener implements IbEventListener {
    final List<SessionInfo> ready = new CopyOnWriteArrayList<>();
    final List<String> lost = new CopyOnWriteArrayList<>();
    final List<OrderStatusEvent> statuses = new CopyOnWriteArrayList<>();
    final List<OpenOrderEvent> openOrders = new CopyOnWriteArrayList<>();
    final List<ExecutionEvent> executions = new CopyOnWriteArrayList<>();
    final List<CommissionEvent> commissions = new CopyOnWriteArrayList<>();
    final List<IbErrorEvent> errors = new CopyOnWriteArrayList<>();
    final List<IbErrorEvent> orderErrors = new CopyOnWriteArrayList<>();
    final List<IbErrorEvent> connectivity = new CopyOnWriteArrayList<>();
    final List<ConnectorHealth> health = new CopyOnWriteArrayList<>();
    final List<CompletedOrderEvent> completed = new CopyOnWriteArrayList<>();
    final List<MarketDataEvent> ticks = new CopyOnWriteArrayList<>();
    final List<String> marketDataTypes = new CopyOnWriteArrayList<>();
    final List<String> bound = new CopyOnWriteArrayList<>();
    final List<String> journal = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    private void note(String s) {
        journal.add(s);
        threads.add(Thread.currentThread().getName());
    }

    @Override public void onSessionReady(SessionInfo info) { ready.add(info); note("ready"); }
    @Override public void onSessionLost(String reason) { lost.add(reason); note("lost"); }
    @Override public void onOrderStatus(OrderStatusEvent e) { statuses.add(e); note("status:" + e.orderId() + ":" + e.status()); }
    @Override public void onOpenOrder(OpenOrderEvent e) { openOrders.add(e); note("open:" + e.orderId() + ":" + e.status()); }
    @Override public void onExecution(ExecutionEvent e) { executions.add(e); note("exec:" + e.orderId() + ":" + e.execId()); }
    @Override public void onCommission(CommissionEvent e) { commissions.add(e); note("comm:" + e.execId()); }
    @Override public void onError(IbErrorEvent e) { errors.add(e); note("error:" + e.id() + ":" + e.code()); }
    @Override public void onOrderError(IbErrorEvent e) { orderErrors.add(e); }
    @Override public void onConnectivity(IbErrorEvent e) { connectivity.add(e); }
    @Override public void onCompletedOrder(CompletedOrderEvent e) { completed.add(e); note("completed:" + e.permId() + ":" + e.status()); }
    @Override public void onOrderBound(long permId, int clientId, int orderId) { bound.add(permId + "/" + clientId + "/" + orderId); note("bound:" + permId); }
    @Override public void onTick(MarketDataEvent e) { ticks.add(e); note("tick:" + e.tickerId() + ":" + e.tickType()); }
    @Override public void onMarketDataType(int tickerId, int type) { marketDataTypes.add(tickerId + "/" + type); note("mdtype:" + tickerId); }
    @Override public void onHealthChanged(ConnectorHealth h) { health.add(h); note("health:" + h.state()); }

    List<ConnectorState> states() { return health.stream().map(ConnectorHealth::state).toList(); }

    /** The latest state the listener was told, from one snapshot (null before any). */
    ConnectorState lastState() {
        List<ConnectorState> states = states();
        return states.isEmpty() ? null : states.getLast();
    }

    List<ExecutionEvent> executionsOf(int orderId) {
        return executions.stream().filter(e -> e.orderId() == orderId).toList();
    }

    List<String> statusesOf(int orderId) {
        return statuses.stream().filter(e -> e.orderId() == orderId).map(OrderStatusEvent::status).toList();
    }
}
