package io.oms.ib.client;

import io.oms.ib.msg.TickGeneric;
import io.oms.ib.msg.TickPrice;
import io.oms.ib.msg.TickSize;
import io.oms.ib.msg.TickString;
import java.math.BigDecimal;

/**
 * One market data tick for a reqMktData tickerId. tickType is IB's field number (1 bid, 2 ask, 4 last,
 * 0/3/5 their sizes, 8 volume, 45 last timestamp, 49 halted, ...). Which values are set depends on kind:
 * <ul>
 * <li>PRICE: price, plus the size IB sends with it (IB's own client replays that as a separate size tick;
 *     here it stays on the price tick) and attribMask (bit 0 canAutoExecute, 1 pastLimit, 2 preOpen).</li>
 * <li>SIZE: size.</li>
 * <li>GENERIC: number (e.g. halted 0/1/2).</li>
 * <li>STRING: text (e.g. RTVolume "price;size;time;...").</li>
 * </ul>
 * Prices and sizes are IB's decimal text, never doubles; IB's "no value" sentinels arrive as null (note
 * that IB also sends -1 as the price of an empty side of the book).
 */
public record MarketDataEvent(int tickerId, Kind kind, int tickType, BigDecimal price, BigDecimal size,
                              BigDecimal number, String text, int attribMask) {
    public enum Kind { PRICE, SIZE, STRING, GENERIC }

    public boolean canAutoExecute() { return (attribMask & 1) != 0; }

    public boolean pastLimit() { return (attribMask & 2) != 0; }

    public boolean preOpen() { return (attribMask & 4) != 0; }

    static MarketDataEvent of(TickPrice t) {
        return new MarketDataEvent(t.tickerId(), Kind.PRICE, t.tickType(), t.price(), t.size(), null, null, t.attrMask());
    }

    static MarketDataEvent of(TickSize t) {
        return new MarketDataEvent(t.tickerId(), Kind.SIZE, t.tickType(), null, t.size(), null, null, 0);
    }

    static MarketDataEvent of(TickGeneric t) {
        return new MarketDataEvent(t.tickerId(), Kind.GENERIC, t.tickType(), null, null, t.value(), null, 0);
    }

    static MarketDataEvent of(TickString t) {
        return new MarketDataEvent(t.tickerId(), Kind.STRING, t.tickType(), null, null, null, t.value(), 0);
    }
}
