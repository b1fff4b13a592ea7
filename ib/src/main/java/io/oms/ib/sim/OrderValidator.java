package io.oms.ib.sim;

import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.wire.ExecTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * The checks after which IB answers error 201 "Order rejected - reason:..." and status Inactive. The reason
 * texts are the simulator's own; the OMS must not depend on them.
 */
final class OrderValidator {
    static final Set<String> TYPES = Set.of("MKT", "LMT", "STP", "STP LMT", "TRAIL", "MOC", "LOC");
    static final Set<String> TIFS = Set.of("DAY", "GTC", "IOC", "FOK", "GTD", "OPG");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SimEngine e;

    OrderValidator(SimEngine engine) { this.e = engine; }

    /** The reject reason, or null when the order is acceptable. filled > 0 only for a modify. */
    String check(PlaceOrder p, BigDecimal filled) {
        String type = p.orderType();
        String tif = tif(p);
        if (p.symbol() == null || p.symbol().isBlank()) return "Missing symbol";
        if (e.config.rejectSymbols().contains(p.symbol())) return "Symbol " + p.symbol() + " is not tradable here";
        if (!"BUY".equals(p.action()) && !"SELL".equals(p.action()) && !"SSHORT".equals(p.action())) {
            return "Invalid action " + p.action();
        }
        if (p.totalQuantity() == null || p.totalQuantity().signum() <= 0) return "Order quantity must be positive";
        if (p.totalQuantity().compareTo(filled) <= 0) return "Order quantity must exceed the filled quantity " + filled;
        if (p.account() != null && !e.config.accounts().contains(p.account())) return "Unknown account " + p.account();
        if (type == null || !TYPES.contains(type)) return "Unsupported order type " + type;
        if (!TIFS.contains(tif)) return "Invalid time in force " + tif;
        String price = prices(p, type);
        if (price != null) return price;
        if ("OPG".equals(tif) && !"MKT".equals(type) && !"LMT".equals(type)) return "OPG is only for MKT and LMT orders";
        if (("MOC".equals(type) || "LOC".equals(type)) && !"DAY".equals(tif)) return type + " orders must be DAY";
        if ("GTD".equals(tif)) {
            Instant until = goodTill(p);
            if (until == null) return "Invalid goodTillDate " + p.goodTillDate();
            if (!until.isAfter(e.clock.instant())) return "goodTillDate " + p.goodTillDate() + " is in the past";
        }
        return null;
    }

    private static String prices(PlaceOrder p, String type) {
        boolean needsLimit = "LMT".equals(type) || "LOC".equals(type) || "STP LMT".equals(type);
        boolean needsStop = "STP".equals(type) || "STP LMT".equals(type);
        if (needsLimit && !positive(p.lmtPrice())) return "Invalid limit price " + p.lmtPrice();
        if (needsStop && !positive(p.auxPrice())) return "Invalid stop price " + p.auxPrice();
        if ("TRAIL".equals(type)) {
            boolean amount = positive(p.auxPrice());
            boolean percent = positive(p.trailingPercent());
            if (amount == percent) return "TRAIL needs exactly one of a trailing amount and a trailing percent";
            if (percent && p.trailingPercent().compareTo(HUNDRED) >= 0) return "Invalid trailing percent";
            if (p.trailStopPrice() != null && !positive(p.trailStopPrice())) return "Invalid trail stop price";
        }
        return null;
    }

    static String tif(PlaceOrder p) { return p.tif() == null || p.tif().isBlank() ? "DAY" : p.tif(); }

    /** IB's "yyyyMMdd HH:mm:ss[ zone]" (exchange zone when none) or UTC "yyyyMMdd-HH:mm:ss". */
    Instant goodTill(PlaceOrder p) { return ExecTimes.parse(p.goodTillDate(), e.config.timeZone()); }

    private static boolean positive(BigDecimal v) { return v != null && v.signum() > 0; }
}
