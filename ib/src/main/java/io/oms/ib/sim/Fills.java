package io.oms.ib.sim;

import io.oms.ib.msg.CommissionReport;
import io.oms.ib.msg.ExecDetails;
import io.oms.ib.msg.PlaceOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/** Order lifecycle on the engine thread: accept/modify/reject, cancel, and (sliced) fills. */
final class Fills {
    private static final ZoneId EXCHANGE_ZONE = ZoneId.of("US/Eastern");
    private static final DateTimeFormatter EXEC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

    private final SimEngine e;
    private final String execPrefix;
    private int execSeq;

    Fills(SimEngine engine) {
        this.e = engine;
        // IB exec ids look like "0000e0d5.00000001.01.01" and never repeat for an account. The prefix is drawn
        // per simulator instance, outside the seed, so a restarted simulator never reuses an exec id a ledger
        // already holds (the ledger would take the new fill for a duplicate); the seed still governs prices.
        this.execPrefix = String.format("%08x", java.util.concurrent.ThreadLocalRandom.current().nextInt() & 0x7fffffff);
    }

    void place(SimConnection c, PlaceOrder p) {
        int cid = c.clientId;
        SimOrder existing = e.orders.get(SimEngine.key(cid, p.orderId()));
        if (existing != null && existing.isActive()) {
            // Same id as a working order = modify: only quantity, price and tif change.
            existing.quantity = p.totalQuantity();
            existing.limitPrice = p.lmtPrice();
            existing.tif = p.tif();
            publish(existing);
            tryFill(existing);
            return;
        }
        if (p.orderId() <= e.maxIdByClient.getOrDefault(cid, 0)) {
            c.send(SimEngine.error(p.orderId(), 103, "Duplicate order id"));
            return;
        }
        e.maxIdByClient.put(cid, p.orderId());
        String account = p.account() == null ? e.config.accounts().get(0) : p.account();
        SimOrder o = new SimOrder(cid, p.orderId(), e.nextPermId++, account, p.symbol(), orElse(p.secType(), "STK"),
                orElse(p.exchange(), "SMART"), orElse(p.currency(), "USD"), p.action(), p.orderType(), p.orderRef(),
                p.totalQuantity(), p.lmtPrice(), orElse(p.tif(), "DAY"));
        e.orders.put(SimEngine.key(cid, p.orderId()), o);
        String invalid = validate(p);
        if (invalid != null) {
            c.send(SimEngine.error(p.orderId(), 201, "Order rejected - reason:" + invalid));
            o.status = "Inactive";
            publish(o);
            return;
        }
        if (!p.transmit()) {
            o.status = "Inactive"; // held in TWS, never sent
            publish(o);
            return;
        }
        o.status = "PreSubmitted";
        publish(o);
        o.status = "Submitted";
        publish(o);
        tryFill(o);
    }

    private String validate(PlaceOrder p) {
        if (e.config.rejectSymbols().contains(p.symbol())) return "Symbol " + p.symbol() + " is not tradable here";
        if (p.totalQuantity() == null || p.totalQuantity().signum() <= 0) return "Invalid quantity";
        if (!"MKT".equals(p.orderType()) && !"LMT".equals(p.orderType())) return "Unsupported order type " + p.orderType();
        if ("LMT".equals(p.orderType()) && (p.lmtPrice() == null || p.lmtPrice().signum() <= 0)) return "Invalid limit price";
        if (!"BUY".equals(p.action()) && !"SELL".equals(p.action())) return "Invalid action " + p.action();
        return null;
    }

    void cancel(SimConnection c, int orderId) {
        SimOrder o = e.orders.get(SimEngine.key(c.clientId, orderId));
        if (o != null && "Filled".equals(o.status)) {
            c.send(SimEngine.error(orderId, 10148,
                    "OrderId " + orderId + " that needs to be cancelled can not be cancelled, state: Filled."));
            return;
        }
        if (o == null || !o.isActive()) {
            c.send(SimEngine.error(orderId, 10147, "OrderId " + orderId + " that needs to be cancelled is not found."));
            return;
        }
        o.status = "PendingCancel";
        status(o);
        o.status = "Cancelled";
        status(o);
        c.send(SimEngine.error(orderId, 202, "Order Canceled - reason:"));
    }

    /** Starts fills for every working order the current market crosses. */
    void crossResting() {
        for (SimOrder o : new ArrayList<>(e.orders.values())) {
            if (o.isActive() && !o.fillScheduled && !"PendingCancel".equals(o.status)) tryFill(o);
        }
    }

    /** Fills one slice if marketable; further slices follow after sliceDelay while still marketable. */
    void tryFill(SimOrder o) {
        o.fillScheduled = false;
        if (!o.isActive() || o.remaining().signum() <= 0) return;
        BigDecimal px = fillPrice(o);
        if (px == null) return;
        execute(o, o.remaining().min(e.config.maxFillSlice()), px);
        if (o.remaining().signum() > 0) {
            o.fillScheduled = true;
            e.thread.schedule(() -> e.submit(() -> tryFill(o)), e.config.sliceDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** MKT takes the touch; LMT fills at the touch only when it is at or better than the limit. */
    private BigDecimal fillPrice(SimOrder o) {
        BigDecimal touch = o.isBuy() ? e.market.ask(o.symbol) : e.market.bid(o.symbol);
        if ("MKT".equals(o.orderType)) return touch;
        boolean crosses = o.isBuy() ? touch.compareTo(o.limitPrice) <= 0 : touch.compareTo(o.limitPrice) >= 0;
        return crosses ? touch : null;
    }

    private void execute(SimOrder o, BigDecimal qty, BigDecimal px) {
        o.filled = o.filled.add(qty);
        o.notional = o.notional.add(qty.multiply(px));
        o.lastFillPrice = px;
        boolean last = o.remaining().signum() == 0;
        o.status = last ? "Filled" : "Submitted";
        Instant now = Instant.now();
        String time = EXEC_TIME.format(now.atZone(EXCHANGE_ZONE)) + " US/Eastern";
        String execId = execPrefix + "." + String.format("%08x", ++execSeq) + ".01.01";
        BigDecimal commission = qty.multiply(e.config.commissionPerShare()).max(SimulatorConfig.MIN_COMMISSION)
                .setScale(2, RoundingMode.HALF_UP);
        SimExecution x = new SimExecution(execId, o.clientId, o.orderId, o.permId, o.orderRef, o.account, o.symbol,
                o.isBuy() ? "BOT" : "SLD", qty, px, o.filled, o.avgPrice(), commission, time, now);
        e.executions.add(x);
        SimConnection c = e.session(o.clientId);
        if (c == null) return; // client away: the fill is kept and replayed by reqExecutions
        c.send(execDetails(-1, x));
        c.send(o.toStatus());
        if (last) c.send(o.toOpenOrder());
        c.send(commission(x));
    }

    static ExecDetails execDetails(int reqId, SimExecution x) {
        return new ExecDetails(reqId, x.orderId(), 0, x.symbol(), "STK", "SMART", "USD", x.symbol(), "NMS", x.execId(),
                x.time(), x.account(), "ISLAND", x.side(), x.shares(), x.price(), x.permId(), x.clientId(), 0,
                x.cumQty(), x.avgPrice(), x.orderRef(), null, null, null, 1, false);
    }

    static CommissionReport commission(SimExecution x) {
        return new CommissionReport(x.execId(), x.commission(), "USD", null, null, null);
    }

    private void publish(SimOrder o) {
        SimConnection c = e.session(o.clientId);
        if (c == null) return;
        c.send(o.toOpenOrder());
        c.send(o.toStatus());
    }

    private void status(SimOrder o) {
        SimConnection c = e.session(o.clientId);
        if (c != null) c.send(o.toStatus());
    }

    private static String orElse(String v, String d) { return v == null ? d : v; }
}
