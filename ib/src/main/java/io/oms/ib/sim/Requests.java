package io.oms.ib.sim;

import io.oms.ib.wire.ExecTimes;
import io.oms.ib.msg.*;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** Answers the snapshot requests (open orders, executions, positions, market data) on the engine thread. */
final class Requests {
    private final SimEngine e;

    Requests(SimEngine engine) { this.e = engine; }

    void openOrders(SimConnection c, boolean allClients) {
        for (SimOrder o : e.orders.values()) {
            if (o.isActive() && (allClients || o.clientId == c.clientId)) {
                c.send(o.toOpenOrder());
                c.send(o.toStatus());
            }
        }
        c.send(new OpenOrderEnd());
    }

    void executions(SimConnection c, int reqId, ExecutionFilter f) {
        Instant after = f.time() == null ? null : ExecTimes.parse(f.time(), ZoneOffset.UTC);
        for (SimExecution x : e.executions) {
            if (matches(x, f, after)) {
                c.send(Fills.execDetails(reqId, x));
                c.send(Fills.commission(x));
            }
        }
        c.send(new ExecDetailsEnd(reqId));
    }

    private static boolean matches(SimExecution x, ExecutionFilter f, Instant after) {
        if (f.clientId() != 0 && f.clientId() != x.clientId()) return false;
        if (f.acctCode() != null && !f.acctCode().equals(x.account())) return false;
        if (f.symbol() != null && !f.symbol().equals(x.symbol())) return false;
        if (f.secType() != null && !"STK".equals(f.secType())) return false;
        if (f.exchange() != null && !f.exchange().equals("SMART") && !f.exchange().equals("ISLAND")) return false;
        if (f.side() != null && !(f.side().equals("BUY") ? "BOT" : "SLD").equals(x.side())) return false;
        return after == null || x.timestamp().isAfter(after);
    }

    void positions(SimConnection c) {
        Map<String, BigDecimal[]> book = new TreeMap<>(); // account|symbol -> {qty, cost basis}
        for (SimExecution x : e.executions) {
            BigDecimal[] p = book.computeIfAbsent(x.account() + "|" + x.symbol(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal signed = "BOT".equals(x.side()) ? x.shares() : x.shares().negate();
            boolean grows = p[0].signum() == 0 || p[0].signum() == signed.signum();
            if (grows) {
                p[1] = p[1].add(signed.abs().multiply(x.price()));
            } else {
                // Reducing: keep the average cost of what remains; a flip starts a new basis at this price.
                BigDecimal avg = p[1].divide(p[0].abs(), 8, RoundingMode.HALF_EVEN);
                BigDecimal after = p[0].add(signed);
                p[1] = after.signum() == p[0].signum() ? avg.multiply(after.abs())
                        : after.abs().multiply(x.price());
            }
            p[0] = p[0].add(signed);
        }
        book.forEach((k, p) -> {
            String[] parts = k.split("\\|", 2);
            BigDecimal avg = p[0].signum() == 0 ? BigDecimal.ZERO
                    : p[1].divide(p[0].abs(), 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
            c.send(new Position(parts[0], conId(parts[1]), parts[1], "STK", "NASDAQ", "USD", parts[1], "NMS", p[0], avg));
        });
        c.send(new PositionEnd());
    }

    void marketData(SimConnection c, ReqMktData r) {
        String s = r.symbol();
        c.send(new TickReqParams(r.tickerId(), new BigDecimal("0.01"), "9c0001", 3));
        c.send(new TickPrice(r.tickerId(), 1, e.market.bid(s), new BigDecimal("100"), 1));
        c.send(new TickPrice(r.tickerId(), 2, e.market.ask(s), new BigDecimal("100"), 0));
        c.send(new TickPrice(r.tickerId(), 4, e.market.mid(s), new BigDecimal("100"), 0));
    }

    /** A stable fake contract id per symbol. */
    static int conId(String symbol) { return 100_000 + Math.floorMod(symbol.hashCode(), 900_000); }
}
