package io.oms.infra.risk;

import java.math.BigDecimal;

/** A position of the snapshot's account with the price it is valued at (null when there is none at all). */
public record HeldPosition(String symbol, BigDecimal quantity, BigDecimal avgCost, BigDecimal lastPrice) {

    public BigDecimal unrealized() {
        if (lastPrice == null || quantity.signum() == 0) return BigDecimal.ZERO;
        return lastPrice.subtract(avgCost).multiply(quantity);
    }
}
