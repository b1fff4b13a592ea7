package io.oms.api.orders;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.StrategyId;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Field-by-field checks of a submitted order; every problem is reported at once, and nothing is changed. The
 * common fields are checked here, the prices each type needs in {@link OrderPriceRules} and the time in force
 * and session rules in {@link OrderTifRules}.
 */
final class OrderValidation {
    private OrderValidation() {}

    /**
     * @param tickSize the instrument's tick size, or null when the symbol is unknown (no grid to check)
     * @param found    problems the caller already found (an unknown account or symbol), reported with the rest
     */
    static ValidOrder check(SubmitOrderBody body, Instant now, BigDecimal tickSize, List<FieldProblem> found) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldProblem("body", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>(found);
        require(problems, "account", body.account());
        require(problems, "symbol", body.symbol());
        Side side = parse(problems, "side", body.side(), Side.class);
        OrderType type = parse(problems, "type", body.type(), OrderType.class);
        TimeInForce tif = body.tif() == null ? TimeInForce.DAY : parse(problems, "tif", body.tif(), TimeInForce.class);
        checkQuantity(problems, body.qty());
        Instant expireAt = parseInstant(problems, "expireAt", body.expireAt());
        if (body.clientOrderId() != null && !ClientOrderId.isValid(body.clientOrderId())) {
            problems.add(new FieldProblem("clientOrderId", "must be 1-64 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (body.strategy() != null && !StrategyId.isValid(body.strategy())) {
            problems.add(new FieldProblem("strategy", StrategyId.RULE));
        }
        ValidOrder order = new ValidOrder(trim(body.account()), symbolOf(body), side, type, body.qty(), body.limitPrice(),
                body.stopPrice(), body.trailAmount(), body.trailPercent(), tif, expireAt,
                Boolean.TRUE.equals(body.outsideRth()), body.clientOrderId(), body.strategy());
        OrderPriceRules.check(order, tickSize, problems);
        OrderTifRules.check(order, body.expireAt() != null, now, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return order;
    }

    /** The symbol as instruments are keyed (trimmed, upper case), or null when absent. */
    static String symbolOf(SubmitOrderBody body) {
        return body == null || body.symbol() == null || body.symbol().isBlank() ? null : body.symbol().trim().toUpperCase();
    }

    private static void checkQuantity(List<FieldProblem> problems, BigDecimal qty) {
        if (qty == null) {
            problems.add(new FieldProblem("qty", "is required"));
        } else if (qty.signum() <= 0) {
            problems.add(new FieldProblem("qty", "must be greater than 0"));
        } else if (qty.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem("qty", "must be a whole number of shares"));
        }
    }

    private static void require(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }

    private static <E extends Enum<E>> E parse(List<FieldProblem> problems, String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** ISO-8601 with a zone or offset; kept to microseconds, the ledger's precision, so a replay compares equal. */
    private static Instant parseInstant(List<FieldProblem> problems, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim()).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant with a zone or offset, e.g. 2026-12-01T21:00:00Z"));
            return null;
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    /** A checked order; on a failed check the fields may be null, but such an order never leaves {@link #check}. */
    record ValidOrder(String account, String symbol, Side side, OrderType type, BigDecimal qty, BigDecimal limitPrice,
                      BigDecimal stopPrice, BigDecimal trailAmount, BigDecimal trailPercent, TimeInForce tif,
                      Instant expireAt, boolean outsideRth, String clientOrderId, String strategy) {}
}
