package io.oms.infra.reconcile;

import java.math.BigDecimal;

/** An order IB knows that the OMS did not place, as IB reports it (open or completed order). */
public record ExternalOrder(String tenantId, String account, long permId, Integer brokerOrderId, String symbol,
                            String side, String type, String tif, BigDecimal quantity, BigDecimal limitPrice,
                            String state, BigDecimal filled) {

    /** Its client order id in the OMS: deterministic, so every run and every restart finds the same order. */
    public String clientOrderId() {
        return "ext-" + permId;
    }
}
