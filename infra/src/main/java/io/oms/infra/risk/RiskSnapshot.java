package io.oms.infra.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything the risk checks of one order read, taken in one read-only REPEATABLE READ transaction so that the
 * figures agree with each other: the tenant's limits, the account's positions, working orders and recent orders,
 * the symbol's last price and restriction, and today's P&L.
 *
 * @param symbol      the order's symbol; null for an account-wide snapshot (risk status)
 * @param lastPrice   the symbol's last traded price; null when there is none
 * @param restriction null when the symbol may be traded; otherwise why it may not (may be empty text)
 * @param dayPeakPnl  today's highest P&L; null while nothing records it (the drawdown check is then skipped)
 */
public record RiskSnapshot(String tenantId, String account, String symbol, Instant asOf, List<RiskLimit> limits,
                           List<HeldPosition> positions, List<SnapshotOrder> workingOrders,
                           List<SnapshotOrder> recentOrders, BigDecimal lastPrice, String restriction,
                           BigDecimal realizedToday, BigDecimal commissionsToday, BigDecimal dayPeakPnl) {

    public RiskSnapshot {
        limits = List.copyOf(limits);
        positions = List.copyOf(positions);
        workingOrders = List.copyOf(workingOrders);
        recentOrders = List.copyOf(recentOrders);
    }

    /** The same snapshot without one order (the order being checked may already be stored as NEW). */
    public RiskSnapshot without(String clientOrderId) {
        return new RiskSnapshot(tenantId, account, symbol, asOf, limits, positions,
                workingOrders.stream().filter(o -> !o.clientOrderId().equals(clientOrderId)).toList(),
                recentOrders.stream().filter(o -> !o.clientOrderId().equals(clientOrderId)).toList(),
                lastPrice, restriction, realizedToday, commissionsToday, dayPeakPnl);
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
        Instant since = asOf.minusSeconds(seconds);
        return recentOrders.stream().filter(o -> o.createdAt().isAfter(since) && !"DENIED".equals(o.state())).count();
    }
}
