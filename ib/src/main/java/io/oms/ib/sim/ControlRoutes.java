package io.oms.ib.sim;

import static io.oms.ib.sim.ControlServer.q;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The control endpoint's routes, each a thin mapping onto the simulator's Java API. */
final class ControlRoutes {
    private static final String OK = "{\"ok\":true}";

    private ControlRoutes() {}

    static void register(ControlServer s, GatewaySimulator sim) {
        SimFaults f = sim.faults();
        s.route("GET", "/executions", p -> executions(sim));
        s.route("GET", "/orders", p -> orders(sim));
        s.route("GET", "/quote", p -> quote(sim.quote(req(p, "symbol"))));
        s.route("POST", "/price", p -> {
            sim.setPrice(req(p, "symbol"), dec(p, "price"));
            return "{\"symbol\":" + q(p.get("symbol")) + ",\"price\":" + sim.lastPrice(p.get("symbol")).toPlainString() + "}";
        });
        s.route("POST", "/quote", p -> {
            sim.setQuote(req(p, "symbol"), dec(p, "bid"), dec(p, "ask"), optDec(p, "bidSize"), optDec(p, "askSize"));
            return quote(sim.quote(p.get("symbol")));
        });
        s.route("POST", "/halt", p -> {
            sim.setHalted(req(p, "symbol"), Boolean.parseBoolean(p.getOrDefault("halted", "true")));
            return OK;
        });
        s.route("POST", "/step", p -> { sim.stepMarket(Integer.parseInt(p.getOrDefault("n", "1"))); return OK; });
        s.route("POST", "/clock/advance", p -> { sim.advanceClock(Duration.ofMillis(Long.parseLong(req(p, "ms")))); return clock(sim); });
        s.route("POST", "/clock/set", p -> { sim.setClock(Instant.parse(req(p, "time"))); return clock(sim); });
        s.route("GET", "/clock", p -> clock(sim));
        s.route("POST", "/auction/close", p -> { sim.runCloseAuction(); return OK; });
        s.route("POST", "/auction/open", p -> { sim.runOpenAuction(); return OK; });
        s.route("POST", "/drop", p -> {
            if (p.containsKey("clientId")) f.dropClient(Integer.parseInt(p.get("clientId"))); else sim.dropConnections();
            return "{\"dropped\":true}";
        });
        s.route("POST", "/connectivity/lost", p -> { f.connectivityLost(); return OK; });
        s.route("POST", "/connectivity/restored", p -> {
            f.connectivityRestored(Boolean.parseBoolean(p.getOrDefault("dataLost", "false")));
            return OK;
        });
        s.route("POST", "/refuse", p -> {
            if (p.containsKey("ms")) f.refuseConnectionsFor(ms(p, "ms")); else f.refuseConnections();
            return OK;
        });
        s.route("POST", "/accept", p -> { f.acceptConnections(); return OK; });
        s.route("POST", "/faults/status", p -> {
            FaultRule r = rule(p);
            switch (req(p, "kind")) {
                case "duplicate" -> f.duplicateOrderStatus(r);
                case "delay" -> f.delayOrderStatus(r, ms(p, "delayMs"));
                case "reorder" -> f.reorderOrderStatus(r);
                default -> throw new IllegalArgumentException("kind is duplicate, delay or reorder");
            }
            return OK;
        });
        s.route("POST", "/faults/commission", p -> {
            switch (req(p, "kind")) {
                case "late" -> f.delayCommissionReports(rule(p), ms(p, "delayMs"));
                case "missing" -> f.dropCommissionReports(rule(p));
                default -> throw new IllegalArgumentException("kind is late or missing");
            }
            return OK;
        });
        s.route("POST", "/faults/placement", p -> {
            switch (req(p, "kind")) {
                case "swallow" -> f.swallowPlacements(rule(p));
                case "delay-ack" -> f.delayAcknowledgements(rule(p), ms(p, "ms"));
                default -> throw new IllegalArgumentException("kind is swallow or delay-ack");
            }
            return OK;
        });
        s.route("GET", "/placements", p -> "{\"orderRef\":" + q(req(p, "orderRef")) + ",\"received\":"
                + sim.placementsReceived(p.get("orderRef")) + ",\"swallowed\":" + sim.placementsSwallowed(p.get("orderRef")) + "}");
        s.route("POST", "/faults/correction", p -> { f.correctExecutions(rule(p), dec(p, "priceDelta")); return OK; });
        s.route("POST", "/correct", p -> execution(f.correctExecution(req(p, "execId"), dec(p, "price"))));
        s.route("POST", "/faults/cancel-delay", p -> { f.delayCancels(ms(p, "ms")); return OK; });
        s.route("POST", "/faults/clear", p -> { f.clear(); return OK; });
        s.route("POST", "/pacing", p -> {
            f.pacing(Integer.parseInt(req(p, "limit")),
                    PacingMode.valueOf(p.getOrDefault("mode", "reject").toUpperCase(Locale.ROOT)));
            return OK;
        });
        s.route("POST", "/restart", p -> {
            f.restartGateway(RestartMode.valueOf(p.getOrDefault("mode", "keep_orders").toUpperCase(Locale.ROOT)),
                    p.containsKey("downtimeMs") ? ms(p, "downtimeMs") : Duration.ZERO);
            return OK;
        });
    }

    private static FaultRule rule(Map<String, String> p) {
        return new FaultRule(Integer.parseInt(p.getOrDefault("next", "0")),
                Double.parseDouble(p.getOrDefault("probability", "0")));
    }

    private static String req(Map<String, String> p, String k) {
        String v = p.get(k);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing parameter " + k);
        return v;
    }

    private static BigDecimal dec(Map<String, String> p, String k) { return new BigDecimal(req(p, k)); }

    private static BigDecimal optDec(Map<String, String> p, String k) { return p.containsKey(k) ? dec(p, k) : null; }

    private static Duration ms(Map<String, String> p, String k) { return Duration.ofMillis(Long.parseLong(req(p, k))); }

    private static String clock(GatewaySimulator sim) { return "{\"time\":" + q(sim.clock().instant().toString()) + "}"; }

    private static String executions(GatewaySimulator sim) {
        StringJoiner arr = new StringJoiner(",", "[", "]");
        for (SimExecution x : sim.executions()) arr.add(execution(x));
        return arr.toString();
    }

    private static String execution(SimExecution x) {
        return "{\"execId\":" + q(x.execId()) + ",\"orderId\":" + x.orderId() + ",\"orderRef\":" + q(x.orderRef())
                + ",\"account\":" + q(x.account()) + ",\"symbol\":" + q(x.symbol()) + ",\"side\":" + q(x.side())
                + ",\"shares\":" + x.shares().toPlainString() + ",\"price\":" + x.price().toPlainString() + "}";
    }

    private static String orders(GatewaySimulator sim) {
        StringJoiner arr = new StringJoiner(",", "[", "]");
        for (SimOrderView o : sim.orders()) {
            arr.add("{\"permId\":" + o.permId() + ",\"clientId\":" + o.clientId() + ",\"orderId\":" + o.orderId()
                    + ",\"orderRef\":" + q(o.orderRef()) + ",\"symbol\":" + q(o.symbol()) + ",\"action\":" + q(o.action())
                    + ",\"orderType\":" + q(o.orderType()) + ",\"tif\":" + q(o.tif()) + ",\"quantity\":" + num(o.quantity())
                    + ",\"filled\":" + num(o.filled()) + ",\"status\":" + q(o.status()) + ",\"manual\":" + o.manual() + "}");
        }
        return arr.toString();
    }

    private static String quote(Quote x) {
        return "{\"symbol\":" + q(x.symbol()) + ",\"bid\":" + num(x.bid()) + ",\"ask\":" + num(x.ask()) + ",\"bidSize\":"
                + num(x.bidSize()) + ",\"askSize\":" + num(x.askSize()) + ",\"last\":" + num(x.last()) + ",\"lastSize\":"
                + num(x.lastSize()) + ",\"volume\":" + num(x.volume()) + ",\"open\":" + num(x.open()) + ",\"close\":"
                + num(x.close()) + ",\"halted\":" + x.halted() + "}";
    }

    private static String num(BigDecimal v) { return v == null ? "null" : v.toPlainString(); }
}
