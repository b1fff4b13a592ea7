package io.oms.ib.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stop election and trailing. STP, STP LMT and TRAIL stay PreSubmitted (held by IB) until elected, then go
 * Submitted and trade as MKT (STP, TRAIL) or LMT (STP LMT).
 * <ul>
 *   <li>A buy stop elects when the last trade is at or above the stop, or the whole market is (bid >= stop);
 *       a sell stop when last <= stop or ask <= stop. Last is IB's default trigger for stocks; the quote
 *       clause catches a market that gapped through the stop without printing there.</li>
 *   <li>TRAIL: the stop sits the trailing amount (or percent of the price) away from the last trade and only
 *       ever moves in the order's favour: up for a sell, down for a buy. trailStopPrice, when given, is the
 *       initial stop.</li>
 * </ul>
 */
final class Triggers {
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private final SimEngine e;

    Triggers(SimEngine engine) { this.e = engine; }

    /** At acceptance: a TRAIL without trailStopPrice starts one offset from the market. */
    void init(SimOrder o) {
        if ("TRAIL".equals(o.orderType) && o.trailStopPrice == null) {
            o.trailStopPrice = candidate(o, e.market.of(o.symbol).last);
        }
    }

    /** Moves the trailing stop and elects the order if its stop is crossed. */
    void update(SimOrder o) {
        if (!o.isStopType() || o.triggered || !o.transmitted || !o.isWorking()) return;
        if (e.faults.connectivityLost) return; // IB-simulated orders are not elected while IB is unreachable
        SymbolMarket m = e.market.of(o.symbol);
        if (m.halted) return; // elections wait for the halt to lift
        if ("TRAIL".equals(o.orderType)) trail(o, m);
        if (!crossed(o, m)) return;
        o.triggered = true;
        if (SimOrder.PRE_SUBMITTED.equals(o.status)) {
            o.status = SimOrder.SUBMITTED;
            e.out.publish(o);
        }
    }

    private void trail(SimOrder o, SymbolMarket m) {
        BigDecimal c = candidate(o, m.last);
        boolean better = o.isBuy() ? c.compareTo(o.trailStopPrice) < 0 : c.compareTo(o.trailStopPrice) > 0;
        if (better) o.trailStopPrice = c;
    }

    private static BigDecimal candidate(SimOrder o, BigDecimal reference) {
        BigDecimal offset = o.trailingPercent != null
                ? reference.multiply(o.trailingPercent).divide(HUNDRED, 2, RoundingMode.HALF_UP)
                : o.auxPrice;
        BigDecimal stop = o.isBuy() ? reference.add(offset) : reference.subtract(offset);
        return stop.setScale(2, RoundingMode.HALF_UP).max(SymbolMarket.TICK);
    }

    static boolean crossed(SimOrder o, SymbolMarket m) {
        BigDecimal stop = o.stopPrice();
        if (stop == null) return false;
        return o.isBuy()
                ? m.last.compareTo(stop) >= 0 || m.bid.compareTo(stop) >= 0
                : m.last.compareTo(stop) <= 0 || m.ask.compareTo(stop) <= 0;
    }
}
