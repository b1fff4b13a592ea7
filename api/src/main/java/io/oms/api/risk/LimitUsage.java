package io.oms.api.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.api.Decimals;
import io.oms.infra.risk.AccountExposure;
import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.SnapshotOrder;
import io.oms.infra.risk.HeldPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One limit's usage by an account: how much of it is taken now and what is left ({@code headroom}, negative when
 * already over). Limits checked per order (quantity, notional, collar, duplicate window), the ACCOUNT_EQUITY figure
 * and those that cannot be measured have no usage; {@code note} says why.
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
        if (!type.isCeiling()) {
            return new Measured(null, "not a ceiling: the account's equity, leverage and concentration are measured against it");
        }
        if (type == LimitType.ORDER_RATE) {
            return new Measured(BigDecimal.valueOf(s.rateCounted(limit).size()), switch (limit.scope()) {
                case STRATEGY -> "the strategy's orders in every account";
                case USER -> "the user's orders in every account";
                default -> null;
            });
        }
        if (limit.scope() == LimitScope.STRATEGY || limit.scope() == LimitScope.USER) {
            return new Measured(null, "not measured per " + limit.scope().name().toLowerCase()
                    + ": measured over the order's account, checked per order");
        }
        if (limit.scope() == LimitScope.ASSET_CLASS
                && (type == LimitType.POSITION_LIMIT || type == LimitType.MAX_CONCENTRATION_PCT)) {
            return new Measured(null, "not measured per asset class: the status does not resolve each symbol's; checked per order");
        }
        return switch (type) {
            case DRAWDOWN -> s.dayPeakPnl() == null ? new Measured(null, "no peak of the day's P&L recorded")
                    : new Measured(s.dayPeakPnl().subtract(s.dayPnl()).max(BigDecimal.ZERO), "fall of today's P&L from its peak");
            case MAX_LEVERAGE -> leverage(s);
            case MAX_CONCENTRATION_PCT -> concentration(limit, s);
            case POSITION_LIMIT -> limit.scope() == LimitScope.INSTRUMENT
                    ? new Measured(s.exposure(limit.scopeValue()), "position + working orders on one side")
                    : new Measured(largestExposure(s), "largest of the account's symbols: position + working orders on one side");
            case OPEN_ORDERS -> new Measured(BigDecimal.valueOf(s.workingOrders().size()), null);
            case DAILY_LOSS -> new Measured(s.dayPnl().negate().max(BigDecimal.ZERO), "realized + unrealized - commissions today");
            default -> new Measured(null, null);
        };
    }

    private static Measured leverage(RiskSnapshot s) {
        AccountExposure book = AccountExposure.of(s);
        String missing = missing(s, book);
        if (missing != null) return new Measured(null, missing);
        return new Measured(book.gross().divide(s.accountEquity(), 4, RoundingMode.UP), "gross exposure value / equity");
    }

    /** An INSTRUMENT limit's symbol's share of the book, else the largest share of any of the account's symbols. */
    private static Measured concentration(RiskLimit limit, RiskSnapshot s) {
        AccountExposure book = AccountExposure.of(s);
        String missing = missing(s, book);
        if (missing != null) return new Measured(null, missing);
        BigDecimal value = limit.scope() == LimitScope.INSTRUMENT ? book.value(limit.scopeValue())
                : book.symbols().stream().map(book::value).reduce(BigDecimal.ZERO, BigDecimal::max);
        BigDecimal percent = value.multiply(BigDecimal.valueOf(100)).divide(book.gross().max(s.accountEquity()), 2, RoundingMode.UP);
        return new Measured(percent, limit.scope() == LimitScope.INSTRUMENT ? "percent of the book (gross exposure, at least equity)"
                : "largest of the account's symbols, percent of the book (gross exposure, at least equity)");
    }

    /** Why leverage and concentration cannot be measured (orders adding exposure are then denied); null when they can. */
    private static String missing(RiskSnapshot s, AccountExposure book) {
        if (s.accountEquity() == null || s.accountEquity().signum() <= 0) {
            return "the account's equity is unknown (set an ACCOUNT_EQUITY limit): orders adding exposure are denied";
        }
        if (!book.unpriced().isEmpty()) {
            return "no price for " + String.join(", ", book.unpriced()) + ": orders adding exposure are denied";
        }
        return null;
    }

    private static BigDecimal largestExposure(RiskSnapshot s) {
        TreeSet<String> symbols = new TreeSet<>();
        Stream.concat(s.positions().stream().map(HeldPosition::symbol), s.workingOrders().stream().map(SnapshotOrder::symbol))
                .forEach(symbols::add);
        return symbols.stream().map(s::exposure).reduce(BigDecimal.ZERO, BigDecimal::max);
    }
}
