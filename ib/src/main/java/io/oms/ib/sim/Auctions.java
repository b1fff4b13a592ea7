package io.oms.ib.sim;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Time events on the simulator clock, run in time order for whatever span the clock crossed: the open
 * auction (OPG orders: MKT fills at the open price, LMT if the open is at or better than its limit, else
 * cancelled), the close auction (MOC fills at the close price, LOC likewise or cancelled; then DAY orders
 * expire) and GTD expiry at each order's goodTillDate. Auction fills take the whole remaining quantity.
 */
final class Auctions {
    /** Bounds catch-up after a huge clock jump (two events per weekday: years of catch-up). */
    private static final int MAX_EVENTS = 10_000;
    private final SimEngine e;
    private Instant cursor;

    Auctions(SimEngine engine) {
        this.e = engine;
        this.cursor = engine.clock.instant(); // events before the simulator started are not replayed
    }

    void onTime() {
        Instant now = e.clock.instant();
        for (int i = 0; i < MAX_EVENTS; i++) {
            TradingCalendar.Event ev = e.calendar.next(cursor);
            Instant gtd = earliestGtd();
            boolean gtdFirst = gtd != null && (ev == null || !gtd.isAfter(ev.at()));
            Instant at = gtdFirst ? gtd : ev == null ? null : ev.at();
            if (at == null || at.isAfter(now)) break;
            if (gtdFirst) {
                expireGtd(at);
            } else if (ev.kind() == TradingCalendar.Kind.OPEN) {
                runOpen();
            } else {
                runClose();
            }
            if (at.isAfter(cursor)) cursor = at;
        }
        cursor = now;
    }

    void runOpen() {
        for (SimOrder o : e.book.working()) {
            if ("OPG".equals(o.tif) && o.transmitted) auctionFill(o, "LOO not filled at the open");
        }
        for (SymbolMarket m : e.market.all()) {
            m.open = m.auctionPrice();
            m.volume = BigDecimal.ZERO; // a new trading day
        }
        e.marketData.publishAll();
    }

    void runClose() {
        for (SimOrder o : e.book.working()) {
            if (("MOC".equals(o.orderType) || "LOC".equals(o.orderType)) && o.transmitted) {
                auctionFill(o, "LOC not filled at the close");
            }
        }
        for (SymbolMarket m : e.market.all()) m.close = m.auctionPrice();
        for (SimOrder o : e.book.working()) {
            if ("DAY".equals(o.tif)) e.cancels.systemCancel(o, "Expired (DAY)");
        }
        e.marketData.publishAll();
    }

    private void auctionFill(SimOrder o, String unfilled) {
        SymbolMarket m = e.market.of(o.symbol);
        if (m.halted) {
            e.cancels.systemCancel(o, "No auction: " + o.symbol + " is halted");
            return;
        }
        BigDecimal px = m.auctionPrice();
        BigDecimal limit = o.effectiveLimit();
        boolean ok = limit == null || (o.isBuy() ? px.compareTo(limit) <= 0 : px.compareTo(limit) >= 0);
        if (ok) {
            e.fills.execute(o, o.remaining(), px);
        } else {
            e.cancels.systemCancel(o, unfilled);
        }
    }

    private Instant earliestGtd() {
        Instant min = null;
        for (SimOrder o : e.book.working()) {
            if (o.expiresAt != null && (min == null || o.expiresAt.isBefore(min))) min = o.expiresAt;
        }
        return min;
    }

    private void expireGtd(Instant at) {
        for (SimOrder o : e.book.working()) {
            if (o.expiresAt != null && !o.expiresAt.isAfter(at)) e.cancels.systemCancel(o, "Expired (GTD)");
        }
    }
}
