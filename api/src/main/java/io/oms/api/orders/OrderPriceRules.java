package io.oms.api.orders;

import io.oms.api.error.FieldProblem;
import io.oms.workflows.domain.OrderType;
import java.math.BigDecimal;
import java.util.List;

/**
 * Which prices each order type takes, and what a price must be. LMT, STP_LMT and LOC need a limit price and no
 * other type takes one; STP and STP_LMT need a stop price, TRAIL may have one (its initial stop) and no other
 * type takes one; TRAIL trails by exactly one of an amount and a percentage. Every price is positive, and
 * limit, stop and trailing amount sit on the instrument's tick grid (IB rejects anything else).
 */
final class OrderPriceRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private OrderPriceRules() {}

    static void check(OrderValidation.ValidOrder order, BigDecimal tickSize, List<FieldProblem> problems) {
        OrderType type = order.type();
        boolean limitOk = present(problems, "limitPrice", order.limitPrice(), type,
                type == null ? null : type.requiresLimitPrice(), "the limit applies to LMT, STP_LMT and LOC orders only");
        boolean stopOk = present(problems, "stopPrice", order.stopPrice(), type,
                type == null || type == OrderType.TRAIL ? null : type.requiresStopPrice(),
                "a stop applies to STP, STP_LMT and (as the initial stop) TRAIL orders only");
        boolean trailOk = trail(problems, order, type);
        if (limitOk) {
            price(problems, "limitPrice", order.limitPrice(), tickSize);
        }
        if (stopOk) {
            price(problems, "stopPrice", order.stopPrice(), tickSize);
        }
        if (trailOk) {
            price(problems, "trailAmount", order.trailAmount(), tickSize);
            percent(problems, order.trailPercent());
        }
    }

    /**
     * Reports a price that is missing or not allowed for the type; {@code required} null means optional (or the
     * type is unknown). Returns whether the value itself should still be checked.
     */
    private static boolean present(List<FieldProblem> problems, String field, BigDecimal value, OrderType type,
                                   Boolean required, String why) {
        if (Boolean.TRUE.equals(required) && value == null) {
            problems.add(new FieldProblem(field, "is required for " + type + " orders"));
            return false;
        }
        if (Boolean.FALSE.equals(required) && value != null) {
            problems.add(new FieldProblem(field, "must be absent for " + type + " orders: " + why));
            return false;
        }
        return value != null;
    }

    private static boolean trail(List<FieldProblem> problems, OrderValidation.ValidOrder order, OrderType type) {
        boolean amount = order.trailAmount() != null;
        boolean percent = order.trailPercent() != null;
        if (type == null) {
            return true;
        }
        if (type != OrderType.TRAIL) {
            String why = "must be absent for " + type + " orders: only TRAIL orders trail";
            if (amount) {
                problems.add(new FieldProblem("trailAmount", why));
            }
            if (percent) {
                problems.add(new FieldProblem("trailPercent", why));
            }
            return false;
        }
        if (!amount && !percent) {
            problems.add(new FieldProblem("trailAmount", "is required for TRAIL orders unless trailPercent is given"));
            return false;
        }
        if (amount && percent) {
            problems.add(new FieldProblem("trailPercent",
                    "must be absent when trailAmount is given: a TRAIL order trails by an amount or by a percentage, not both"));
            return false;
        }
        return true;
    }

    private static void price(List<FieldProblem> problems, String field, BigDecimal value, BigDecimal tickSize) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0) {
            problems.add(new FieldProblem(field, "must be greater than 0"));
        } else if (tickSize != null && tickSize.signum() > 0 && value.remainder(tickSize).signum() != 0) {
            problems.add(new FieldProblem(field, "must be a multiple of the tick size " + tickSize.stripTrailingZeros().toPlainString()));
        }
    }

    private static void percent(List<FieldProblem> problems, BigDecimal value) {
        if (value != null && (value.signum() <= 0 || value.compareTo(HUNDRED) >= 0)) {
            problems.add(new FieldProblem("trailPercent", "must be greater than 0 and less than 100"));
        }
    }
}
