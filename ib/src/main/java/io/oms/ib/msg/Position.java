package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/** position v3 for a single-leg contract (strike "0", no expiry/right/multiplier). */
public record Position(String account, int conId, String symbol, String secType, String exchange, String currency,
                       String localSymbol, String tradingClass, BigDecimal position, BigDecimal avgCost)
        implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.POSITION).i(3).str(account).i(conId).str(symbol).str(secType).empty().raw("0").empty().empty()
                .str(exchange).str(currency).str(localSymbol).str(tradingClass).dec(position).dec(avgCost);
    }

    static Position read(FieldReader r, int sv) {
        r.skip(1);
        String account = r.str();
        int conId = r.i();
        String symbol = r.str();
        String secType = r.str();
        r.skip(4);
        return new Position(account, conId, symbol, secType, r.str(), r.str(), r.str(), r.str(), r.dec(), r.dec());
    }
}
