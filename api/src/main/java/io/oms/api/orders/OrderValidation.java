package io.oms.api.orders;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Field-by-field checks of a submitted order; every problem is reported at once, and nothing is changed. */
final class OrderValidation {
    private OrderValidation() {}

    static ValidOrder check(SubmitOrderBody body) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldProblem("body", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        require(problems, "account", body.account());
        require(problems, "symbol", body.symbol());
        Side side = parse(problems, "side", body.side(), Side.class);
        OrderType type = parse(problems, "type", body.type(), OrderType.class);
        TimeInForce tif = body.tif() == null ? TimeInForce.DAY : parse(problems, "tif", body.tif(), TimeInForce.class);
        if (body.qty() == null) {
            problems.add(new FieldProblem("qty", "is required"));
        } else if (body.qty().signum() <= 0) {
            problems.add(new FieldProblem("qty", "must be greater than 0"));
        } else if (body.qty().stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem("qty", "must be a whole number of shares"));
        }
        if (type == OrderType.LMT && body.limitPrice() == null) {
            problems.add(new FieldProblem("limitPrice", "is required for LMT orders"));
        } else if (type == OrderType.MKT && body.limitPrice() != null) {
            problems.add(new FieldProblem("limitPrice", "must be absent for MKT orders"));
        } else if (body.limitPrice() != null && body.limitPrice().signum() <= 0) {
            problems.add(new FieldProblem("limitPrice", "must be greater than 0"));
        }
        if (body.clientOrderId() != null && !ClientOrderId.isValid(body.clientOrderId())) {
            problems.add(new FieldProblem("clientOrderId", "must be 1-64 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return new ValidOrder(body.account().trim(), body.symbol().trim().toUpperCase(), side, type, body.qty(),
                body.limitPrice(), tif, body.clientOrderId());
    }

    /** A limit price must sit on the instrument's tick grid. */
    static void checkTick(ValidOrder order, BigDecimal tickSize) {
        if (order.limitPrice() != null && tickSize != null && tickSize.signum() > 0
                && order.limitPrice().remainder(tickSize).signum() != 0) {
            throw ApiException.validation(List.of(new FieldProblem("limitPrice",
                    "must be a multiple of the tick size " + tickSize.stripTrailingZeros().toPlainString())));
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
            problems.add(new FieldProblem(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    record ValidOrder(String account, String symbol, Side side, OrderType type, BigDecimal qty, BigDecimal limitPrice,
                      TimeInForce tif, String clientOrderId) {}
}
