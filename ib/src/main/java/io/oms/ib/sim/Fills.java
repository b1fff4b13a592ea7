package io.oms.ib.sim;

import io.oms.ib.msg.CommissionReport;
import io.oms.ib.msg.ExecDetails;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Executions: one execDetails per fill with a unique exec id, then the order's orderStatus (and openOrder
 * when it completes), then the commission report; corrections re-issue an execution with the next suffix.
 */
final class Fills {
    private final SimEngine e;
    private final String execPrefix;
    private int execSeq;

    Fills(SimEngine engine) {
        this.e = engine;
        // IB exec ids look like "0000e0d5.00000001.01.01" and never repeat for an account. The prefix is drawn
        // per simulator instance, outside the seed, so a restarted simulator never reuses an exec id a ledger
        // already holds (the ledger would take the new fill for a duplicate). Exec ids are therefore the one
        // output that differs between two runs with the same seed; prices, sizes and faults do not.
        this.execPrefix = String.format("%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff);
    }

    void execute(SimOrder o, BigDecimal qty, BigDecimal px) {
        o.filled = o.filled.add(qty);
        o.notional = o.notional.add(qty.multiply(px));
        o.lastFillPrice = px;
        boolean last = o.remaining().signum() == 0;
        Instant now = e.clock.instant();
        if (last) {
            o.complete(SimOrder.FILLED, now, "Filled Size: " + o.filled.toPlainString());
        } else if (!SimOrder.PENDING_CANCEL.equals(o.status)) {
            o.status = SimOrder.SUBMITTED; // partial fills keep Submitted (PendingCancel stays PendingCancel)
        }
        String execId = execPrefix + "." + String.format("%08x", ++execSeq) + ".01.01";
        SimExecution x = new SimExecution(execId, o.clientId, o.orderId, o.permId, o.orderRef, o.account, o.symbol,
                o.isBuy() ? "BOT" : "SLD", qty, px, o.filled, o.avgPrice(), commission(qty), e.calendar.format(now), now);
        e.executions.add(x);
        e.out.order(o, execDetails(-1, x));
        e.out.status(o);
        if (last) e.out.order(o, o.toOpenOrder());
        e.out.order(o, commission(x));
        FaultState f = e.faults;
        if (f.correction.fire(f.random)) correct(x, px.add(f.correctionDelta).max(SymbolMarket.TICK));
    }

    /**
     * Re-issues execution x at newPrice: same fields, exec id suffix bumped (.01 -> .02), followed by its own
     * commission report. The order's average price follows the correction; no orderStatus is sent for it.
     */
    SimExecution correct(SimExecution x, BigDecimal newPrice) {
        SimOrder o = e.book.byPermId(x.permId());
        if (o != null) {
            o.notional = o.notional.subtract(x.shares().multiply(x.price())).add(x.shares().multiply(newPrice));
            if (o.lastFillPrice.compareTo(x.price()) == 0) o.lastFillPrice = newPrice;
        }
        BigDecimal avg = o == null ? x.avgPrice() : o.avgPrice();
        SimExecution c = new SimExecution(nextVersion(x.execId()), x.clientId(), x.orderId(), x.permId(), x.orderRef(),
                x.account(), x.symbol(), x.side(), x.shares(), newPrice, x.cumQty(), avg, x.commission(), x.time(),
                x.timestamp());
        e.executions.add(c);
        if (o != null) {
            e.out.order(o, execDetails(-1, c));
            e.out.order(o, commission(c));
        }
        return c;
    }

    static String baseId(String execId) { return execId.substring(0, execId.lastIndexOf('.')); }

    static String nextVersion(String execId) {
        int v = Integer.parseInt(execId.substring(execId.lastIndexOf('.') + 1));
        return baseId(execId) + "." + String.format("%02d", v + 1);
    }

    private BigDecimal commission(BigDecimal qty) {
        return qty.multiply(e.config.commissionPerShare()).max(SimulatorConfig.MIN_COMMISSION).setScale(2, RoundingMode.HALF_UP);
    }

    static ExecDetails execDetails(int reqId, SimExecution x) {
        return new ExecDetails(reqId, x.orderId(), Requests.conId(x.symbol()), x.symbol(), "STK", "SMART", "USD",
                x.symbol(), "NMS", x.execId(), x.time(), x.account(), "ISLAND", x.side(), x.shares(), x.price(),
                x.permId(), x.clientId(), 0, x.cumQty(), x.avgPrice(), x.orderRef(), null, null, null, 1, false);
    }

    static CommissionReport commission(SimExecution x) {
        return new CommissionReport(x.execId(), x.commission(), "USD", null, null, null);
    }
}
