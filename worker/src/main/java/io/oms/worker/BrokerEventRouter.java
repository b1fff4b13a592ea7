package io.oms.worker;

import io.oms.ib.client.CommissionEvent;
import io.oms.ib.client.CompletedOrderEvent;
import io.oms.ib.client.ConnectorHealth;
import io.oms.ib.client.ExecutionEvent;
import io.oms.ib.client.IbErrorEvent;
import io.oms.ib.client.IbErrorKind;
import io.oms.ib.client.IbEventListener;
import io.oms.ib.client.MarketDataEvent;
import io.oms.ib.client.OpenOrderEvent;
import io.oms.ib.client.OrderStatusEvent;
import io.oms.ib.client.SessionInfo;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.workflows.domain.Side;
import io.oms.workflows.order.BrokerCommission;
import io.oms.workflows.order.BrokerError;
import io.oms.workflows.order.BrokerEvent;
import io.oms.workflows.order.BrokerFill;
import io.oms.workflows.order.BrokerStatus;
import io.oms.workflows.order.OrderWorkflowContract;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the IB session's events into signals to the order workflows, addressed by orderRef (which is the
 * workflow id). Events no order claims are kept for reconciliation, never dropped. Runs on the
 * connector's single dispatch thread, so its maps need no locking.
 */
public final class BrokerEventRouter implements IbEventListener {
    private static final Logger log = LoggerFactory.getLogger(BrokerEventRouter.class);
    private static final int MEMORY = 200_000;

    private final String connection;
    private final BrokerDirectory directory;
    private final WorkflowSignals signals;
    private final Map<String, String> orderRefByExecId = new BoundedMap<>(MEMORY);
    private final Map<Integer, String> lastStatus = new BoundedMap<>(MEMORY);
    /** permIds whose terminal status has been passed on, live or from a completed-orders re-sync. */
    private final Map<Long, Boolean> terminalSeen = new BoundedMap<>(MEMORY);
    private static final Set<String> TERMINAL = Set.of("Filled", "Cancelled", "ApiCancelled", "Inactive");
    /** Market data ticks and session starts also go here (the last-price feed); nothing by default. */
    private volatile IbEventListener marketData = new IbEventListener() {};
    /** Session starts and losses and IB's connectivity notices also go here (reconciliation); nothing by default. */
    private volatile IbEventListener sessionWatcher = new IbEventListener() {};

    public BrokerEventRouter(String connection, BrokerDirectory directory, WorkflowSignals signals) {
        this.connection = connection;
        this.directory = directory;
        this.signals = signals;
    }

    @Override
    public void onSessionReady(SessionInfo info) {
        log.info("IB session {} ready: accounts {}, server version {}, next order id {}", connection,
                info.managedAccounts(), info.serverVersion(), info.nextValidId());
        directory.updateStatus(connection, "UP", "server version " + info.serverVersion());
        marketData.onSessionReady(info);
        sessionWatcher.onSessionReady(info);
    }

    /** Passes session starts and losses and IB's connectivity notices on to {@code listener}. */
    public BrokerEventRouter withSessionWatcher(IbEventListener listener) {
        this.sessionWatcher = listener;
        return this;
    }

    @Override
    public void onConnectivity(IbErrorEvent e) {
        sessionWatcher.onConnectivity(e);
    }

    /** Passes market data ticks and session starts on to {@code listener}. */
    public BrokerEventRouter withMarketData(IbEventListener listener) {
        this.marketData = listener;
        return this;
    }

    @Override
    public void onTick(MarketDataEvent e) {
        marketData.onTick(e);
    }

    @Override
    public void onSessionLost(String reason) {
        log.warn("IB session {} lost: {}", connection, reason);
        lastStatus.clear();
        directory.updateStatus(connection, "DOWN", reason);
        sessionWatcher.onSessionLost(reason);
    }

    /** Breaker changes (IB connectivity lost/restored, flapping) reach the health check without waiting for the reporter. */
    @Override
    public void onHealthChanged(ConnectorHealth health) {
        directory.updateStatus(connection, status(health), health.reason());
    }

    /** "UP" while the connector accepts orders (the API's health check looks for it), else the breaker state. */
    static String status(ConnectorHealth health) {
        return health.state().acceptsOrders() ? "UP" : health.state().name();
    }

    @Override
    public void onOrderStatus(OrderStatusEvent e) {
        // IB repeats statuses freely; pass on only what changed for the order.
        String key = e.status() + "/" + e.filled().stripTrailingZeros().toPlainString();
        if (key.equals(lastStatus.put(e.orderId(), key))) {
            return;
        }
        if (TERMINAL.contains(e.status()) && e.permId() != 0) {
            terminalSeen.put(e.permId(), Boolean.TRUE);
        }
        BrokerStatus status = new BrokerStatus(e.orderId(), e.permId(), e.status(), e.filled(), e.remaining(),
                e.avgFillPrice(), e.whyHeld());
        route(e.orderRef(), BrokerEvent.of(status), "orderStatus", e.orderId(), null);
    }

    /**
     * An order IB finished today, from the re-sync after a (re)connect. It is news only when its terminal status
     * never came live, e.g. an order cancelled while the session or IB's own link was down; it then reaches the
     * order as the status it would have been.
     */
    @Override
    public void onCompletedOrder(CompletedOrderEvent e) {
        if (terminalSeen.put(e.permId(), Boolean.TRUE) != null) {
            return;
        }
        BigDecimal filled = e.filledQuantity() == null ? BigDecimal.ZERO : e.filledQuantity();
        BigDecimal remaining = e.quantity() == null ? null : e.quantity().subtract(filled).max(BigDecimal.ZERO);
        BrokerStatus status = new BrokerStatus(e.orderId(), e.permId(), e.status(), filled, remaining, null, null);
        route(e.orderRef(), BrokerEvent.of(status), WorkflowSignals.COMPLETED_ORDER, e.orderId() == 0 ? null : e.orderId(),
                null);
    }

    /**
     * Our own orders' openOrder repeats what orderStatus says; an order placed elsewhere is imported by reconciliation,
     * which asks IB for every open order itself, so nothing is kept here (it would repeat at every check).
     */
    @Override
    public void onOpenOrder(OpenOrderEvent e) {
        if (!OrderWorkflowContract.isOrderWorkflowId(e.orderRef())) {
            log.debug("openOrder placed outside the OMS on {}: permId {} {} {}", connection, e.permId(), e.action(), e.symbol());
        }
    }

    @Override
    public void onExecution(ExecutionEvent e) {
        orderRefByExecId.put(e.execId(), e.orderRef());
        BrokerFill fill = new BrokerFill(e.execId(), e.orderId(), e.permId(), e.account(), e.symbol(),
                "BOT".equals(e.side()) ? Side.BUY : Side.SELL, e.shares(), e.price(), e.cumQty(), e.avgPrice(),
                e.exchange(), e.time());
        route(e.orderRef(), BrokerEvent.of(fill), "execution", e.orderId(), e.execId());
    }

    @Override
    public void onCommission(CommissionEvent e) {
        String orderRef = orderRefByExecId.get(e.execId());
        BrokerCommission commission = new BrokerCommission(e.execId(), e.commission(), e.currency());
        route(orderRef, BrokerEvent.of(commission), "commission", null, e.execId());
    }

    /** Errors the connector classifies as about one order (rejects, cancel answers, holds) go to that order. */
    @Override
    public void onOrderError(IbErrorEvent e) {
        route(e.orderRef(), BrokerEvent.of(new BrokerError(e.id(), e.code(), e.message())), "error", e.id(), null);
    }

    @Override
    public void onError(IbErrorEvent e) {
        if (e.kind().category() == IbErrorKind.Category.ORDER && e.id() >= 0) {
            return; // routed by onOrderError
        } else if (e.isInformational()) {
            log.debug("IB notice {} on {}: {}", e.code(), connection, e.message());
        } else {
            log.warn("IB error {} (id {}) on {}: {}", e.code(), e.id(), connection, e.message());
        }
    }

    private void route(String orderRef, BrokerEvent event, String kind, Integer orderId, String execId) {
        if (OrderWorkflowContract.isOrderWorkflowId(orderRef)) {
            signals.send(orderRef, new WorkflowSignals.Routed(event, kind, orderId, execId));
        } else {
            signals.keepUnmatched(kind, orderRef, orderId, execId, event);
        }
    }
}
