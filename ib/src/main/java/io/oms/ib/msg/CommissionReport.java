package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * commissionAndFeesReport v1, joined to its execution by execId. realizedPnl/yield are null when IB
 * sends Double.MAX_VALUE ("n/a"); yieldRedemptionDate is null when empty.
 */
public record CommissionReport(String execId, BigDecimal commission, String currency, BigDecimal realizedPnl,
                               BigDecimal yield, Integer yieldRedemptionDate) implements ServerMessage {
    @Override
    public void write(FieldWriter w, int sv) {
        w.i(MsgIds.COMMISSION_AND_FEES_REPORT).i(1).str(execId).dec(commission).str(currency)
                .decOrDoubleMax(realizedPnl).decOrDoubleMax(yield).intOrEmpty(yieldRedemptionDate);
    }

    static CommissionReport read(FieldReader r, int sv) {
        r.skip(1);
        return new CommissionReport(r.str(), r.dec(), r.str(), r.dec(), r.dec(), r.intOrNull());
    }
}
