package io.oms.ib.sim;

import java.math.BigDecimal;

/**
 * Continuous matching against the simulated touch. An eligible order trades at the touch (ask for a buy,
 * bid for a sell) when it is a market order or the touch is at or better than its limit. Each fill takes
 * min(remaining, maxFillSlice, displayed size); further slices follow after sliceDelay while the order is
 * still marketable (all at once when sliceDelay is zero, which keeps engine tests synchronous).
 * IOC takes what is displayed now and cancels the rest; FOK fills completely now or is cancelled.
 * Auction-only orders (MOC, LOC, OPG) wait for {@link Auctions}. Nothing trades in a halted symbol.
 */
final class Matching {
    /** Bounds the synchronous slice loop; a fill of this many slices means the config is nonsense. */
    private static final int MAX_SYNC_SLICES = 100_000;
    private final SimEngine e;

    Matching(SimEngine engine) { this.e = engine; }

    /** After any market change: trail/elect stops and start fills for every order now marketable. */
    void crossResting() {
        for (SimOrder o : e.book.working()) {
            if (!o.fillScheduled) evaluate(o);
        }
    }

    void evaluate(SimOrder o) {
        e.triggers.update(o);
        tryFill(o);
    }

    void tryFill(SimOrder o) {
        o.fillScheduled = false;
        if (!eligible(o)) return;
        SymbolMarket m = e.market.of(o.symbol);
        BigDecimal px = price(o, m);
        if ("IOC".equals(o.tif) || "FOK".equals(o.tif)) {
            immediate(o, m, px);
            return;
        }
        if (px == null) return;
        if (e.config.sliceDelay().isZero()) {
            for (int i = 0; i < MAX_SYNC_SLICES && px != null && eligible(o); i++) {
                slice(o, m, px);
                px = price(o, m);
            }
            return;
        }
        slice(o, m, px);
        if (eligible(o)) {
            o.fillScheduled = true;
            e.later(e.config.sliceDelay(), () -> tryFill(o));
        }
    }

    private boolean eligible(SimOrder o) {
        if (!o.isWorking() || !o.transmitted || o.remaining().signum() <= 0 || o.isAuctionOnly()) return false;
        if (e.market.of(o.symbol).halted) return false;
        return !o.isStopType() || o.triggered;
    }

    private void slice(SimOrder o, SymbolMarket m, BigDecimal px) {
        BigDecimal qty = o.remaining().min(e.config.maxFillSlice()).min(m.displayed(o.isBuy()));
        m.consume(o.isBuy(), qty);
        e.fills.execute(o, qty, px);
    }

    private void immediate(SimOrder o, SymbolMarket m, BigDecimal px) {
        BigDecimal available = px == null ? BigDecimal.ZERO : m.displayed(o.isBuy());
        if ("FOK".equals(o.tif)) {
            if (available.compareTo(o.remaining()) >= 0) {
                BigDecimal qty = o.remaining();
                m.consume(o.isBuy(), qty);
                e.fills.execute(o, qty, px);
            } else {
                e.cancels.systemCancel(o, "FOK order could not be filled completely");
            }
            return;
        }
        BigDecimal qty = o.remaining().min(available);
        if (qty.signum() > 0) {
            m.consume(o.isBuy(), qty);
            e.fills.execute(o, qty, px);
        }
        if (o.isWorking()) e.cancels.systemCancel(o, "IOC remainder cancelled");
    }

    /** The price o can trade at now, or null when the touch is through its limit. */
    static BigDecimal price(SimOrder o, SymbolMarket m) {
        BigDecimal touch = m.touch(o.isBuy());
        BigDecimal limit = o.effectiveLimit();
        if (limit == null) return touch;
        boolean crosses = o.isBuy() ? touch.compareTo(limit) <= 0 : touch.compareTo(limit) >= 0;
        return crosses ? touch : null;
    }
}
