package io.oms.ib.sim;

import io.oms.ib.msg.MarketDataType;
import io.oms.ib.msg.ReqMktData;
import io.oms.ib.msg.ServerMessage;
import io.oms.ib.msg.TickGeneric;
import io.oms.ib.msg.TickPrice;
import io.oms.ib.msg.TickReqParams;
import io.oms.ib.msg.TickSize;
import io.oms.ib.msg.TickString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * reqMktData streams: tickReqParams, marketDataType (always 1, live: the simulator has every permission),
 * then the current bid/ask/last with sizes, volume, last timestamp (tickString 45), open/close once known
 * and halted (tickGeneric 49) while halted; afterwards only what changed, whenever the market moves.
 * Nothing streams while IB connectivity is lost; 1101 forgets every subscription. Snapshots send the
 * current values once (no tickSnapshotEnd: the codec has no such message yet). Errors: 101 too many
 * lines, 102 duplicate ticker id, 200 no symbol; cancelMktData of an unknown ticker is ignored.
 */
final class MarketData {
    private static final int BID = 1, ASK = 2, LAST = 4, CLOSE = 9, OPEN = 14;
    private static final int BID_SIZE = 0, ASK_SIZE = 3, LAST_SIZE = 5, VOLUME = 8, LAST_TIMESTAMP = 45, HALTED = 49;

    /** What this subscription last sent, so updates carry only changes. */
    private static final class Sub {
        final SimSession session;
        final int tickerId;
        final String symbol;
        BigDecimal bid, bidSize, ask, askSize, last, lastSize, volume, open, close;
        long tradeSeq = -1;
        boolean halted;

        Sub(SimSession session, int tickerId, String symbol) {
            this.session = session;
            this.tickerId = tickerId;
            this.symbol = symbol;
        }
    }

    private final SimEngine e;
    private final List<Sub> subs = new ArrayList<>();

    MarketData(SimEngine engine) { this.e = engine; }

    void request(SimSession c, ReqMktData r) {
        if (r.symbol() == null || r.symbol().isBlank()) {
            c.send(e.error(r.tickerId(), 200, "No security definition has been found for the request"));
            return;
        }
        if (find(c, r.tickerId()) != null) {
            c.send(e.error(r.tickerId(), 102, "Duplicate ticker ID."));
            return;
        }
        if (!r.snapshot() && subs.size() >= e.config.maxMarketDataLines()) {
            c.send(e.error(r.tickerId(), 101, "Max number of tickers has been reached."));
            return;
        }
        c.send(new TickReqParams(r.tickerId(), SymbolMarket.TICK, "9c0001", 3));
        c.send(new MarketDataType(r.tickerId(), 1));
        Sub s = new Sub(c, r.tickerId(), r.symbol());
        if (!e.faults.connectivityLost) send(s, e.market.of(r.symbol()));
        if (!r.snapshot()) subs.add(s);
    }

    void cancel(SimSession c, int tickerId) {
        Sub s = find(c, tickerId);
        if (s != null) subs.remove(s);
    }

    void publishAll() {
        if (e.faults.connectivityLost) return;
        for (Sub s : subs) send(s, e.market.of(s.symbol));
    }

    void dropSession(SimSession c) { subs.removeIf(s -> s.session == c); }

    void clear() { subs.clear(); }

    int lines() { return subs.size(); }

    private Sub find(SimSession c, int tickerId) {
        for (Sub s : subs) if (s.session == c && s.tickerId == tickerId) return s;
        return null;
    }

    private void send(Sub s, SymbolMarket m) {
        List<ServerMessage> out = new ArrayList<>();
        int id = s.tickerId;
        if (!same(s.bid, m.bid)) out.add(new TickPrice(id, BID, m.bid, m.bidSize, 1));
        else if (!same(s.bidSize, m.bidSize)) out.add(new TickSize(id, BID_SIZE, m.bidSize));
        if (!same(s.ask, m.ask)) out.add(new TickPrice(id, ASK, m.ask, m.askSize, 1));
        else if (!same(s.askSize, m.askSize)) out.add(new TickSize(id, ASK_SIZE, m.askSize));
        boolean newTrade = s.tradeSeq != m.tradeSeq;
        if (!same(s.last, m.last) || newTrade) out.add(new TickPrice(id, LAST, m.last, m.lastSize, 0));
        else if (!same(s.lastSize, m.lastSize)) out.add(new TickSize(id, LAST_SIZE, m.lastSize));
        if (!same(s.volume, m.volume)) out.add(new TickSize(id, VOLUME, m.volume));
        if (newTrade) out.add(new TickString(id, LAST_TIMESTAMP, Long.toString(m.lastTradeEpoch)));
        if (m.open != null && !same(s.open, m.open)) out.add(new TickPrice(id, OPEN, m.open, BigDecimal.ZERO, 0));
        if (m.close != null && !same(s.close, m.close)) out.add(new TickPrice(id, CLOSE, m.close, BigDecimal.ZERO, 0));
        if (m.halted != s.halted) out.add(new TickGeneric(id, HALTED, m.halted ? BigDecimal.ONE : BigDecimal.ZERO));
        s.halted = m.halted;
        s.bid = m.bid; s.bidSize = m.bidSize; s.ask = m.ask; s.askSize = m.askSize; s.last = m.last;
        s.lastSize = m.lastSize; s.volume = m.volume; s.tradeSeq = m.tradeSeq; s.open = m.open; s.close = m.close;
        for (ServerMessage msg : out) s.session.send(msg);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
