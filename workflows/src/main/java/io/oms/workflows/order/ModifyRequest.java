package io.oms.workflows.order;

import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;

/**
 * A request to change a working order's terms. {@code expectedVersion} is the order version the caller last
 * saw (optimistic concurrency: a different current version refuses the request); null fields stay as they are.
 */
public record ModifyRequest(long expectedVersion, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice,
                            TimeInForce timeInForce, String actor) {

    public OrderTerms terms() {
        return new OrderTerms(quantity, limitPrice, stopPrice, timeInForce);
    }
}
