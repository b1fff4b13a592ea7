package io.oms.api.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.api.Decimals;
import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.SnapshotOrder;
import io.oms.infra.risk.HeldPosition;
import java.math.BigDecimal;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One limit's usage by an account: how much of it is taken now and what is left ({@code headroom}, negative when
 * already over). Limits checked per order (quantity, notional, collar, duplicate window) and those not measured
 * yet have no usage; {@code note} says why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LimitUsage(String limitId, String scope, String scopeValue, String type, String unit, String limit,
                         Integer periodSeconds, String usage, String headroom, String note) {

    static LimitUsage of(RiskLimit limit, RiskSnapshot snapshot) {
        Measured m = measure(limit, snapshot);
        return new LimitUsage(limit.id().toString(), limit.scope().name(), limit.scopeValue(), limit.type().name(),
                limit.type().unit(), Decimals.text(limit.value()), limit.periodSeconds(),
                m.usage() == null ? null : Decimals.text(m.usage()),
                m.usage() == null ? null : Decimals.text(limit.value().subtract(m.usage())), m.note());
    }

    private record Measured(BigDecimal usage, String note) {}

    private static Measured measure(RiskLimit limit, RiskSnapshot s) {
        LimitType type = limit.type();
        if (type == LimitType.MAX_ORDER_QTY || type == LimitType.MAX_NOTIONAL || type == LimitType.PRICE_COLLAR_PCT
                || type == LimitType.DUPLICATE_WINDOW) {
            return new Measured(null, "checked against each order");
        }
        if (type == LimitType.DRAWDOWN) {
            return new Measured(null, "not measured yet: no intraday peak of the day's P&L is recorded");
        }
        if (limit.scope() == LimitScope.STRATEGY || limit.scope() == LimitScope.USER) {
            return new Measured(null, "not measured per " + limit.scope().name().toLowerCase()
                    + ": orders do not record it yet; checked per order");
        }
        return switch (type) {
            case POSITION_LIMIT -> limit.scope() == LimitScope.INSTRUMENT
                    ? new Measured(s.exposure(limit.scopeValue()), "position + working orders on one side")
                    : new Measured(largestExposure(s), "largest of the account's symbols: position + working orders on one side");
            case OPEN_ORDERS -> new Measured(BigDecimal.valueOf(s.workingOrders().size()), null);
            case ORDER_RATE -> new Measured(BigDecimal.valueOf(s.ordersWithin(limit.periodSeconds())), null);
            case DAILY_LOSS -> new Measured(s.dayPnl().negate().max(BigDecimal.ZERO), "realized + unrealized - commissions today");
            default -> new Measured(null, null);
        };
    }

    private static BigDecimal largestExposure(RiskSnapshot s) {
        TreeSet<String> symbols = new TreeSet<>();
        Stream.concat(s.positions().stream().map(HeldPosition::symbol), s.workingOrders().stream().map(SnapshotOrder::symbol))
                .forEach(symbols::add);
        return symbols.stream().map(s::exposure).reduce(BigDecimal.ZERO, BigDecimal::max);
    }
}
