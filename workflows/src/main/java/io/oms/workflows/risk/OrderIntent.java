package io.oms.workflows.risk;

import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;

/**
 * The order a risk check is asked about: its terms, and who and what it is for (strategy and user may be null).
 * {@code limitPrice} is set for LMT, STP_LMT and LOC; {@code stopPrice} for STP and STP_LMT (and an initial TRAIL stop).
 */
public record OrderIntent(String tenantId, String clientOrderId, String account, String symbol, Side side,
                          OrderType type, TimeInForce tif, BigDecimal quantity, BigDecimal limitPrice,
                          BigDecimal stopPrice, boolean outsideRth, String strategy, String user) {

    /** Quantity with the side's sign: what a complete fill adds to the position. */
    public BigDecimal signedQuantity() {
        return side == Side.BUY ? quantity : quantity.negate();
    }
}
