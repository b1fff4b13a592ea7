package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import io.oms.ib.wire.ServerVersion;
import java.math.BigDecimal;

/**
 * execDetails (no version since sv 136): one fill. reqId is -1 for unsolicited (live) fills.
 * The contract block has no primaryExch; contractExchange is the order's routing (e.g. SMART) and
 * exchange the execution venue. time is IB's raw string ("yyyyMMdd HH:mm:ss US/Eastern" etc.).
 */
public record ExecDetails(int reqId, int orderId, int conId, String symbol, String secType, String contractExchange,
                          String currency, String localSymbol, String tradingClass, String execId, String time,
                          String account, String exchange, String side, BigDecimal shares, BigDecimal price,
                          long permId, int clientId, int liquidation, BigDecimal cumQty, BigDecimal avgPrice,
                          String orderRef, String evRule, BigDecimal evMultiplier, String modelCode,
                          int lastLiquidity, boolean pendingPriceRevision) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.EXECUTION_DATA).i(reqId).i(orderId)
                .i(conId).str(symbol).str(secType).empty().raw("0").empty().empty().str(contractExchange)
                .str(currency).str(localSymbol).str(tradingClass)
                .str(execId).str(time).str(account).str(exchange).str(side).dec(shares).dec(price).l(permId)
                .i(clientId).i(liquidation).dec(cumQty).dec(avgPrice).str(orderRef).str(evRule).dec(evMultiplier)
                .str(modelCode).i(lastLiquidity);
        if (sv >= ServerVersion.PENDING_PRICE_REVISION) w.bool(pendingPriceRevision);
    }

    static ExecDetails read(FieldReader r, int sv) {
        int reqId = r.i();
        int orderId = r.i();
        int conId = r.i();
        String symbol = r.str();
        String secType = r.str();
        r.skip(4); // lastTradeDate, strike, right, multiplier
        String cExch = r.str();
        String currency = r.str();
        String local = r.str();
        String tclass = r.str();
        String execId = r.str();
        String time = r.str();
        String account = r.str();
        String exchange = r.str();
        String side = r.str();
        BigDecimal shares = r.dec();
        BigDecimal price = r.dec();
        long permId = r.l();
        int clientId = r.i();
        int liquidation = r.i();
        BigDecimal cum = r.dec();
        BigDecimal avg = r.dec();
        String ref = r.str();
        String evRule = r.str();
        BigDecimal evMult = r.dec();
        String model = r.str();
        int lastLiq = r.i();
        boolean ppr = sv >= ServerVersion.PENDING_PRICE_REVISION && r.bool();
        return new ExecDetails(reqId, orderId, conId, symbol, secType, cExch, currency, local, tclass, execId, time,
                account, exchange, side, shares, price, permId, clientId, liquidation, cum, avg, ref, evRule, evMult,
                model, lastLiq, ppr);
    }
}
