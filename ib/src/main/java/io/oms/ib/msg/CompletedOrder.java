package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * completedOrder (id 101, no version): an order that finished today (Filled, Cancelled, Inactive), sent
 * in answer to reqCompletedOrders. The wire has NO orderId and NO clientId, so the OMS must match on
 * permId (or orderRef). status is OrderState.status; completedStatus is IB's free text (e.g. "Filled Size:
 * 100") and completedTime its raw timestamp. filledQuantity is cumulative. Layout: {@link CompletedOrderLayout}.
 */
public record CompletedOrder(int conId, String symbol, String secType, String exchange, String currency,
                             String localSymbol, String tradingClass, String action, BigDecimal totalQuantity,
                             String orderType, BigDecimal lmtPrice, BigDecimal auxPrice, String tif, String account,
                             String openClose, String orderRef, long permId, Long parentPermId, boolean outsideRth,
                             String goodTillDate, BigDecimal trailStopPrice, BigDecimal trailingPercent,
                             String status, BigDecimal filledQuantity, String completedTime, String completedStatus)
        implements ServerMessage {

    @Override
    public void write(FieldWriter w, int sv) { CompletedOrderLayout.write(this, w, sv); }

    static CompletedOrder read(FieldReader r, int sv) { return CompletedOrderLayout.read(r, sv); }
}
