package io.oms.workflows.order;

import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a modify may change. The workflow's update validator applies both checks; the API applies
 * {@link #termProblems} first so that a nonsensical body is a 400 with field errors before anything is sent.
 */
public final class ModifyRules {
    private ModifyRules() {}

    /** One reason to refuse a modify: the error code, the field it is about (or null) and why. */
    public record Problem(ErrorCode code, String field, String message) {}

    /** Changes that make no sense for the order's type or time in force, whatever its state. */
    public static List<Problem> termProblems(OrderType type, TimeInForce currentTif, OrderTerms terms) {
        List<Problem> problems = new ArrayList<>();
        if (terms.isEmpty()) {
            problems.add(invalid("body", "needs at least one of qty, limitPrice, stopPrice, tif"));
            return problems;
        }
        BigDecimal qty = terms.quantity();
        if (qty != null && qty.signum() <= 0) {
            problems.add(invalid("qty", "must be greater than 0"));
        } else if (qty != null && qty.stripTrailingZeros().scale() > 0) {
            problems.add(invalid("qty", "must be a whole number of shares"));
        }
        if (terms.limitPrice() != null && !type.requiresLimitPrice()) {
            problems.add(invalid("limitPrice", "does not apply to " + type + " orders"));
        } else if (terms.limitPrice() != null && terms.limitPrice().signum() <= 0) {
            problems.add(invalid("limitPrice", "must be greater than 0"));
        }
        if (terms.stopPrice() != null && !type.requiresStopPrice()) {
            problems.add(invalid("stopPrice", "does not apply to " + type + " orders"));
        } else if (terms.stopPrice() != null && terms.stopPrice().signum() <= 0) {
            problems.add(invalid("stopPrice", "must be greater than 0"));
        }
        TimeInForce tif = terms.timeInForce();
        if (tif == TimeInForce.IOC || tif == TimeInForce.FOK || tif == TimeInForce.OPG) {
            problems.add(invalid("tif", "a working order cannot change to " + tif));
        } else if (tif == TimeInForce.GTD && currentTif != TimeInForce.GTD) {
            problems.add(invalid("tif", "changing to GTD needs an expiry time: cancel and place a new GTD order"));
        }
        return problems;
    }

    /** Why the order, as it stands now, cannot take this modify; empty when it can. */
    public static Optional<Problem> stateProblem(OrderView order, ModifyRequest request) {
        OrderState state = order.state();
        if (state.isTerminal()) {
            return conflict(null, "order is " + state + " and can no longer be modified");
        }
        if (state.isPending()) {
            return conflict(null, "order is " + state + ": wait for IB's answer before modifying it");
        }
        if (state == OrderState.NEW) {
            return conflict(null, "order is not yet acknowledged by IB");
        }
        if (request.expectedVersion() != order.version()) {
            return conflict(null, "order is at version " + order.version() + ", not " + request.expectedVersion()
                    + "; read it again and retry with its current ETag");
        }
        if (request.quantity() != null && request.quantity().compareTo(order.filledQuantity()) <= 0) {
            return conflict("qty", "must be greater than the filled quantity "
                    + order.filledQuantity().stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }

    private static Problem invalid(String field, String message) {
        return new Problem(ErrorCode.VALIDATION_ERROR, field, message);
    }

    private static Optional<Problem> conflict(String field, String message) {
        return Optional.of(new Problem(ErrorCode.STATE_CONFLICT, field, message));
    }
}
