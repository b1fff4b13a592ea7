package io.oms.ib.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Fault injection for tests and chaos runs, from {@link GatewaySimulator#faults()} (the HTTP control
 * endpoint maps onto the same calls). Every call is applied on the engine thread before it returns, so a
 * fault is in force for whatever the test does next. Message faults count only messages produced after
 * they were set.
 */
public final class SimFaults {
    private final GatewaySimulator sim;
    private final SimEngine e;

    SimFaults(GatewaySimulator sim, SimEngine engine) {
        this.sim = sim;
        this.e = engine;
    }

    /** Closes every client socket (orders keep working, as at IB). */
    public void dropConnections() { e.run(e::dropAll); }

    public void dropClient(int clientId) { e.run(() -> e.dropClient(clientId)); }

    /** error(-1, 1100) to every session; order reports are lost and stops do not elect until restored. */
    public void connectivityLost() { e.run(e.connectivity::lose); }

    /** 1101 (dataLost: every market data subscription is gone and must be re-requested) or 1102. */
    public void connectivityRestored(boolean dataLost) { e.run(() -> e.connectivity.restore(dataLost)); }

    /** New connections are refused (the listening socket is closed) until {@link #acceptConnections()}. */
    public void refuseConnections() { sim.refuse(null); }

    /** New connections are refused for d (wall-clock), then accepted again. */
    public void refuseConnectionsFor(Duration d) { sim.refuse(Objects.requireNonNull(d)); }

    public void acceptConnections() { sim.accept(); }

    public boolean refusingConnections() { return sim.refusing(); }

    public void duplicateOrderStatus(FaultRule rule) { e.run(() -> e.faults.duplicateStatus.set(rule)); }

    /** Delayed statuses are overtaken by later messages: a cheap way to get them out of order. */
    public void delayOrderStatus(FaultRule rule, Duration delay) {
        e.run(() -> {
            e.faults.statusDelay = delay;
            e.faults.delayStatus.set(rule);
        });
    }

    /** A chosen orderStatus is sent right after the client's next orderStatus instead of before it. */
    public void reorderOrderStatus(FaultRule rule) { e.run(() -> e.faults.reorderStatus.set(rule)); }

    public void delayCommissionReports(FaultRule rule, Duration delay) {
        e.run(() -> {
            e.faults.commissionDelay = delay;
            e.faults.lateCommission.set(rule);
        });
    }

    /** Not sent live at all; reqExecutions still replays them. */
    public void dropCommissionReports(FaultRule rule) { e.run(() -> e.faults.missingCommission.set(rule)); }

    /** After a chosen fill, a corrected execution (.01 -> .02) at price + priceDelta follows. */
    public void correctExecutions(FaultRule rule, BigDecimal priceDelta) {
        e.run(() -> {
            e.faults.correctionDelta = priceDelta;
            e.faults.correction.set(rule);
        });
    }

    /** Issues a correction of execId at newPrice now; returns the corrected execution. */
    public SimExecution correctExecution(String execId, BigDecimal newPrice) {
        return e.call(() -> {
            SimExecution latest = null;
            for (SimExecution x : e.executions) {
                if (Fills.baseId(x.execId()).equals(Fills.baseId(execId))) latest = x;
            }
            if (latest == null) throw new IllegalArgumentException("unknown execution " + execId);
            return e.fills.correct(latest, newPrice);
        });
    }

    /** Cancels stay PendingCancel this long before Cancelled + 202; fills can still happen meanwhile. */
    public void delayCancels(Duration delay) { e.run(() -> e.faults.cancelDelay = delay); }

    /** Messages per second per connection (0 = off) and what happens above it. */
    public void pacing(int messagesPerSecond, PacingMode mode) {
        if (messagesPerSecond < 0) throw new IllegalArgumentException("limit must be >= 0");
        e.faults.pacingMode = Objects.requireNonNull(mode);
        e.faults.pacingLimit = messagesPerSecond;
    }

    /** {@link #restartGateway(RestartMode, Duration)} keeping all orders, with no downtime. */
    public void restartGateway() { restartGateway(RestartMode.KEEP_ORDERS, Duration.ZERO); }

    /**
     * A gateway restart: every connection dropped, market data subscriptions and held-back messages gone,
     * IB connectivity fine again, and every client's order-id sequence forgotten (nextValidId is 1 again,
     * so a client that trusts it reuses ids: a reused id of a still-working order is a modify). Executions
     * of the day and positions stay (they live at IB). mode says which working orders survive; downtime
     * refuses connections for that long (wall-clock).
     */
    public void restartGateway(RestartMode mode, Duration downtime) {
        e.run(() -> {
            e.dropAll();
            e.marketData.clear();
            e.out.clear();
            e.faults.connectivityLost = false;
            e.book.forgetIds();
            for (SimOrder o : e.book.working()) {
                boolean keep = mode == RestartMode.KEEP_ORDERS
                        || (mode == RestartMode.KEEP_GTC && ("GTC".equals(o.tif) || "GTD".equals(o.tif)));
                if (!keep) e.cancels.silentCancel(o, "Cancelled by gateway restart");
            }
        });
        if (!downtime.isZero() && !downtime.isNegative()) sim.refuse(downtime);
    }

    /**
     * IB never sees the chosen new orders: their placeOrder is dropped with no answer at all (no order, no
     * error, the order id stays unused), as when the message is lost between the API and IB. Modifies of
     * known orders are not affected. {@link GatewaySimulator#placementsSwallowed(String)} counts them.
     */
    public void swallowPlacements(FaultRule rule) { e.run(() -> e.faults.swallowPlacement.set(rule)); }

    /**
     * The chosen new orders are created and work at once (they can fill; reqOpenOrders, reqCompletedOrders and
     * reqExecutions show them), but every live message about them (openOrder, orderStatus, execDetails,
     * commission) reaches the client only after delay, in the order produced: a slow acknowledgement.
     */
    public void delayAcknowledgements(FaultRule rule, Duration delay) {
        e.run(() -> {
            e.faults.ackDelay = Objects.requireNonNull(delay);
            e.faults.delayAck.set(rule);
        });
    }

    /** Clears every message fault (status, commission, correction, cancel delay, placement); not pacing/connectivity. */
    public void clear() { e.run(e.faults::clearMessageFaults); }
}
