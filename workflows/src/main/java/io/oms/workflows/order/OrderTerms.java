package io.oms.workflows.order;

import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;

/** The terms a modify may change; null keeps the current value. */
public record OrderTerms(BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce timeInForce) {

    public boolean isEmpty() {
        return quantity == null && limitPrice == null && stopPrice == null && timeInForce == null;
    }

    /** These terms over {@code current}: every field given here replaces the current one. */
    OrderTerms over(OrderTerms current) {
        return new OrderTerms(quantity != null ? quantity : current.quantity,
                limitPrice != null ? limitPrice : current.limitPrice,
                stopPrice != null ? stopPrice : current.stopPrice,
                timeInForce != null ? timeInForce : current.timeInForce);
    }

    static OrderTerms of(OrderView v) {
        return new OrderTerms(v.quantity(), v.limitPrice(), v.stopPrice(), v.timeInForce());
    }
}
