package io.oms.infra.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the risk checks of one order read, taken in one read-only REPEATABLE READ transaction so that the
 * figures agree with each other: the tenant's limits, the account's positions, working orders and recent orders,
 * the symbol's last price and restriction, and today's P&L; the order's security type, the account's restriction
 * and equity, and the last prices of every symbol the account holds or works (for exposure values).
 *
 * @param symbol      the order's symbol; null for an account-wide snapshot (risk status)
 * @param lastPrice   the symbol's last traded price; null when there is none
 * @param restriction null when the symbol may be traded; otherwise why it may not (may be empty text)
 * @param dayPeakPnl  today's highest P&L: the recorded peak or today's P&L now, whichever is higher (null only in
 *                    snapshots built without one; the drawdown check is then skipped)
 * @param secType     the security type (asset class) of the order's instrument; null when account-wide or unknown
 * @param accountRestriction null when the account may trade; otherwise why it may not (may be empty text)
 * @param accountEquity the account's equity (lowest ACCOUNT_EQUITY figure set for it); null when unknown
 * @param prices      last price by symbol of the account's positions and working orders and the order's symbol
 * @param ownerOrders recent orders of the tenant, in any account, naming a strategy or user that a STRATEGY or USER
 *                    order-rate limit is about (those limits count them, not the account's)
 */
public record RiskSnapshot(String tenantId, String account, String symbol, Instant asOf, List<RiskLimit> limits,
                           List<HeldPosition> positions, List<SnapshotOrder> workingOrders,
                           List<SnapshotOrder> recentOrders, BigDecimal lastPrice, String restriction,
                           BigDecimal realizedToday, BigDecimal commissionsToday, BigDecimal dayPeakPnl,
                           String secType, String accountRestriction, BigDecimal accountEquity,
                           Map<String, BigDecimal> prices, List<SnapshotOrder> ownerOrders) {

    public RiskSnapshot {
        ownerOrders = ownerOrders == null ? List.of() : List.copyOf(ownerOrders);
        limits = List.copyOf(limits);
        positions = List.copyOf(positions);
        workingOrders = List.copyOf(workingOrders);
        recentOrders = List.copyOf(recentOrders);
        prices = Map.copyOf(prices);
    }

    /** A snapshot without the orders of strategies and users. */
    public RiskSnapshot(String tenantId, String account, String symbol, Instant asOf, List<RiskLimit> limits,
                        List<HeldPosition> positions, List<SnapshotOrder> workingOrders, List<SnapshotOrder> recentOrders,
                        BigDecimal lastPrice, String restriction, BigDecimal realizedToday, BigDecimal commissionsToday,
                        BigDecimal dayPeakPnl, String secType, String accountRestriction, BigDecimal accountEquity,
                        Map<String, BigDecimal> prices) {
        this(tenantId, account, symbol, asOf, limits, positions, workingOrders, recentOrders, lastPrice, restriction,
                realizedToday, commissionsToday, dayPeakPnl, secType, accountRestriction, accountEquity, prices, List.of());
    }

    /** A snapshot without security type, account restriction, equity or other symbols' prices. */
    public RiskSnapshot(String tenantId, String account, String symbol, Instant asOf, List<RiskLimit> limits,
                        List<HeldPosition> positions, List<SnapshotOrder> workingOrders, List<SnapshotOrder> recentOrders,
                        BigDecimal lastPrice, String restriction, BigDecimal realizedToday, BigDecimal commissionsToday,
                        BigDecimal dayPeakPnl) {
        this(tenantId, account, symbol, asOf, limits, positions, workingOrders, recentOrders, lastPrice, restriction,
                realizedToday, commissionsToday, dayPeakPnl, null, null, null, Map.of());
    }

    /** The same snapshot without one order (the order being checked may already be stored as NEW). */
    public RiskSnapshot without(String clientOrderId) {
        return new RiskSnapshot(tenantId, account, symbol, asOf, limits, positions,
                workingOrders.stream().filter(o -> !o.clientOrderId().equals(clientOrderId)).toList(),
                recentOrders.stream().filter(o -> !o.clientOrderId().equals(clientOrderId)).toList(),
                lastPrice, restriction, realizedToday, commissionsToday, dayPeakPnl, secType, accountRestriction,
                accountEquity, prices,
                ownerOrders.stream().filter(o -> !o.clientOrderId().equals(clientOrderId)).toList());
    }

    /**
     * The price a symbol's exposure is valued at: its last price, else (held) its last execution's price; null
     * when there is none.
     */
    public BigDecimal priceOf(String sym) {
        if (prices.containsKey(sym)) return prices.get(sym);
        if (sym.equals(symbol) && lastPrice != null) return lastPrice;
        return positions.stream().filter(p -> p.symbol().equals(sym) && p.lastPrice() != null)
                .map(HeldPosition::lastPrice).findFirst().orElse(null);
    }

    /** Signed position in a symbol (0 when none). */
    public BigDecimal position(String symbol) {
        return positions.stream().filter(p -> p.symbol().equals(symbol)).map(HeldPosition::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Unfilled quantity of the working orders in a symbol on one side ("BUY"/"SELL"). */
    public BigDecimal working(String symbol, String side) {
        return workingOrders.stream().filter(o -> o.symbol().equals(symbol) && o.side().equals(side))
                .map(SnapshotOrder::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The larger absolute position the symbol would reach if every working order on one side filled: the
     * exposure a position limit bounds.
     */
    public BigDecimal exposure(String symbol) {
        BigDecimal held = position(symbol);
        return held.add(working(symbol, "BUY")).abs().max(held.subtract(working(symbol, "SELL")).abs());
    }

    /** Realized + unrealized - commissions of today (New York trading date). */
    public BigDecimal dayPnl() {
        BigDecimal unrealized = positions.stream().map(HeldPosition::unrealized).reduce(BigDecimal.ZERO, BigDecimal::add);
        return realizedToday.add(unrealized).subtract(commissionsToday);
    }

    /** Orders of the account created within the last {@code seconds}, not counting those the OMS itself denied. */
    public long ordersWithin(long seconds) {
        return rateCounted(recentOrders, seconds).size();
    }

    /**
     * The orders an order-rate limit counts, created within its period (not those the OMS denied), oldest first: a
     * STRATEGY limit counts its strategy's orders and a USER limit its user's, in every account of the tenant; any
     * other limit the orders of the account.
     */
    public List<Instant> rateCounted(RiskLimit rateLimit) {
        List<SnapshotOrder> orders = switch (rateLimit.scope()) {
            case STRATEGY -> ownerOrders.stream().filter(o -> rateLimit.scopeValue().equals(o.strategy())).toList();
            case USER -> ownerOrders.stream().filter(o -> rateLimit.scopeValue().equals(o.placedBy())).toList();
            default -> recentOrders;
        };
        return rateCounted(orders, rateLimit.periodSeconds()).stream().map(SnapshotOrder::createdAt).sorted().toList();
    }

    private List<SnapshotOrder> rateCounted(List<SnapshotOrder> orders, long seconds) {
        Instant since = asOf.minusSeconds(seconds);
        return orders.stream().filter(o -> o.createdAt().isAfter(since) && !"DENIED".equals(o.state())).toList();
    }
}
