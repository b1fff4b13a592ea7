package io.oms.ib.msg;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link PlaceOrder} from order-type and time-in-force intents, and refuses combinations IB would
 * reject (a STP without stop price, GTD without a date ...) before anything reaches the wire. Defaults are
 * those of a plain US stock order: STK, SMART, USD, DAY, transmit.
 */
public final class PlaceOrderBuilder {
    /** STRICT so that e.g. Feb 31 is refused rather than quietly moved to the 28th. */
    private static final DateTimeFormatter IB_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    /** "yyyyMMdd HH:mm:ss" + optional " zone", or "yyyyMMdd-HH:mm:ss" (UTC, no zone). */
    private static final Pattern GTD = Pattern.compile("(\\d{8})([ -])(\\d{2}:\\d{2}:\\d{2})( \\S.*)?");

    private final int orderId;
    private final String symbol;
    private int conId;
    private String secType = "STK", exchange = "SMART", primaryExchange, currency = "USD";
    private String action, orderType, tif = "DAY", account, orderRef, goodTillDate;
    private BigDecimal quantity, lmtPrice, auxPrice, trailStopPrice, trailingPercent;
    private boolean transmit = true, outsideRth;

    PlaceOrderBuilder(int orderId, String symbol) {
        this.orderId = orderId;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
    }

    public PlaceOrderBuilder conId(int v) { conId = v; return this; }
    public PlaceOrderBuilder secType(String v) { secType = v; return this; }
    public PlaceOrderBuilder exchange(String v) { exchange = v; return this; }
    public PlaceOrderBuilder primaryExchange(String v) { primaryExchange = v; return this; }
    public PlaceOrderBuilder currency(String v) { currency = v; return this; }
    public PlaceOrderBuilder account(String v) { account = v; return this; }
    /** Echoed in openOrder/execDetails/completedOrder: the OMS's client order id. */
    public PlaceOrderBuilder orderRef(String v) { orderRef = v; return this; }
    public PlaceOrderBuilder transmit(boolean v) { transmit = v; return this; }
    public PlaceOrderBuilder outsideRth(boolean v) { outsideRth = v; return this; }

    public PlaceOrderBuilder buy(BigDecimal qty) { return side("BUY", qty); }
    public PlaceOrderBuilder sell(BigDecimal qty) { return side("SELL", qty); }
    /** BUY, SELL or SSHORT. */
    public PlaceOrderBuilder side(String action, BigDecimal qty) { this.action = action; quantity = qty; return this; }

    public PlaceOrderBuilder market() { return type("MKT", null, null); }
    public PlaceOrderBuilder limit(BigDecimal price) { return type("LMT", price, null); }
    public PlaceOrderBuilder stop(BigDecimal stopPrice) { return type("STP", null, stopPrice); }
    public PlaceOrderBuilder stopLimit(BigDecimal stopPrice, BigDecimal limitPrice) { return type("STP LMT", limitPrice, stopPrice); }
    public PlaceOrderBuilder marketOnClose() { return type("MOC", null, null); }
    public PlaceOrderBuilder limitOnClose(BigDecimal price) { return type("LOC", price, null); }

    /** TRAIL by a price amount (goes in auxPrice). */
    public PlaceOrderBuilder trailAmount(BigDecimal amount) { trailingPercent = null; return type("TRAIL", null, amount); }

    /** TRAIL by a percentage of the price (trailingPercent; auxPrice stays unset). */
    public PlaceOrderBuilder trailPercent(BigDecimal percent) { type("TRAIL", null, null); trailingPercent = percent; return this; }

    /** Optional initial stop of a TRAIL order; IB computes it from the market when unset. */
    public PlaceOrderBuilder trailStopPrice(BigDecimal price) { trailStopPrice = price; return this; }

    /** Any IB order type string with its prices, for types without a dedicated method. */
    public PlaceOrderBuilder type(String orderType, BigDecimal lmtPrice, BigDecimal auxPrice) {
        this.orderType = orderType;
        this.lmtPrice = lmtPrice;
        this.auxPrice = auxPrice;
        return this;
    }

    /** DAY, GTC, IOC, FOK or OPG (at the open: MKT -> MOO, LMT -> LOO). Use {@link #goodTill} for GTD. */
    public PlaceOrderBuilder tif(String v) { tif = v; goodTillDate = null; return this; }

    /** GTD with IB's "yyyyMMdd HH:mm:ss[ zone]" or "yyyyMMdd-HH:mm:ss" (UTC) text. */
    public PlaceOrderBuilder goodTill(String ibDateTime) { tif = "GTD"; goodTillDate = ibDateTime; return this; }

    /** GTD at this instant, written in its own zone's id (e.g. "20261231 16:00:00 America/New_York"). */
    public PlaceOrderBuilder goodTill(ZonedDateTime t) { return goodTill(t.format(IB_DATE_TIME) + " " + t.getZone().getId()); }

    public PlaceOrder build() {
        require(action != null && quantity != null && quantity.signum() > 0, "side and a positive quantity");
        require(orderType != null, "an order type");
        switch (orderType) {
            case "LMT", "LOC" -> require(lmtPrice != null, orderType + " needs a limit price");
            case "STP" -> require(auxPrice != null, "STP needs a stop price");
            case "STP LMT" -> require(auxPrice != null && lmtPrice != null, "STP LMT needs stop and limit prices");
            case "TRAIL" -> require((auxPrice == null) != (trailingPercent == null),
                    "TRAIL needs exactly one of trailing amount and trailing percent");
            default -> { }
        }
        require(trailStopPrice == null || orderType.startsWith("TRAIL"), "trailStopPrice only applies to TRAIL orders");
        require(trailingPercent == null || orderType.startsWith("TRAIL"), "trailingPercent only applies to TRAIL orders");
        require(tif != null, "a time in force");
        require("GTD".equals(tif) == (goodTillDate != null), "GTD and goodTillDate go together");
        if (goodTillDate != null) checkGoodTillDate(goodTillDate);
        return new PlaceOrder(orderId, conId, symbol, secType, exchange, primaryExchange, currency, action, quantity,
                orderType, lmtPrice, auxPrice, tif, account, orderRef, transmit, outsideRth, goodTillDate,
                trailStopPrice, trailingPercent);
    }

    private static void checkGoodTillDate(String s) {
        Matcher m = GTD.matcher(s);
        require(m.matches(), "goodTillDate must be yyyyMMdd HH:mm:ss[ zone] or yyyyMMdd-HH:mm:ss: " + s);
        require(m.group(4) == null || m.group(2).equals(" "), "the UTC dash form takes no zone: " + s);
        try {
            LocalDateTime.parse(m.group(1) + " " + m.group(3), IB_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("goodTillDate is not a real date/time: " + s, e);
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException("PlaceOrder: " + what);
    }
}
