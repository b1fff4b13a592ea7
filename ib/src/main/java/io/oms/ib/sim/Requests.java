package io.oms.ib.sim;

import io.oms.ib.msg.CompletedOrdersEnd;
import io.oms.ib.msg.ExecDetailsEnd;
import io.oms.ib.msg.ExecutionFilter;
import io.oms.ib.msg.OpenOrderEnd;
import io.oms.ib.msg.OrderBound;
import io.oms.ib.wire.ExecTimes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers the snapshot requests (open/completed orders, executions, positions) on the engine thread. */
final class Requests {
    private final SimEngine e;
    private final Positions positions;

    Requests(SimEngine engine) {
        this.e = engine;
        this.positions = new Positions(engine);
    }

    /**
     * reqOpenOrders: this client's working orders; from client 0 it first binds the manual (TWS) orders,
     * each announced with orderBound(permId, 0, negative id). reqAllOpenOrders: every client's working
     * orders, manual ones unbound with orderId 0, and binds nothing.
     */
    void openOrders(SimSession c, boolean allClients) {
        if (!allClients && c.clientId() == 0) {
            for (SimOrder o : e.book.working()) {
                if (o.manual && o.orderId == 0) {
                    e.book.bind(o);
                    c.send(new OrderBound(o.permId, 0, o.orderId));
                }
            }
        }
        for (SimOrder o : e.book.working()) {
            if (allClients || (o.clientId == c.clientId() && o.orderId != 0)) {
                c.send(o.toOpenOrder());
                c.send(o.toStatus());
            }
        }
        c.send(new OpenOrderEnd());
    }

    /** reqCompletedOrders: today's finished orders (Filled, Cancelled, rejected Inactive) in completion order. */
    void completedOrders(SimSession c, boolean apiOnly) {
        Instant today = e.calendar.startOfDay(e.clock.instant());
        List<SimOrder> done = new ArrayList<>();
        for (SimOrder o : e.book.all()) {
            if (o.completedAt != null && !o.completedAt.isBefore(today) && !(apiOnly && o.manual)) done.add(o);
        }
        done.sort(Comparator.comparing((SimOrder o) -> o.completedAt));
        for (SimOrder o : done) c.send(o.toCompleted(e.calendar.format(o.completedAt)));
        c.send(new CompletedOrdersEnd());
    }

    /**
     * reqExecutions: today's executions (since midnight in the exchange zone) matching the filter, each
     * with its commission report. A corrected execution is replayed in its latest version only.
     */
    void executions(SimSession c, int reqId, ExecutionFilter f) {
        Instant after = f.time() == null ? null : ExecTimes.parse(f.time(), ZoneOffset.UTC);
        Instant today = e.calendar.startOfDay(e.clock.instant());
        for (SimExecution x : latestVersions(e.executions)) {
            if (!x.timestamp().isBefore(today) && matches(x, f, after)) {
                c.send(Fills.execDetails(reqId, x));
                c.send(Fills.commission(x));
            }
        }
        c.send(new ExecDetailsEnd(reqId));
    }

    void positions(SimSession c) { positions.send(c); }

    /** One execution per base exec id, the highest suffix winning, in first-seen order. */
    static List<SimExecution> latestVersions(List<SimExecution> all) {
        Map<String, SimExecution> latest = new LinkedHashMap<>();
        for (SimExecution x : all) latest.put(Fills.baseId(x.execId()), x);
        return new ArrayList<>(latest.values());
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

    /** A stable fake contract id per symbol. */
    static int conId(String symbol) { return 100_000 + Math.floorMod(symbol.hashCode(), 900_000); }
}
