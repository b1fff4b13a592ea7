package io.oms.api.orders;

import io.oms.api.Decimals;
import io.oms.infra.persistence.ExecutionRow;
import java.time.Instant;

/** One fill of an order. */
public record ExecutionResource(
        String execId, String account, String symbol, String side, String qty, String price, String exchange,
        Instant executedAt, String commission, String commissionCurrency) {

    static ExecutionResource of(ExecutionRow e) {
        return new ExecutionResource(e.execId(), e.account(), e.symbol(), e.side(), Decimals.text(e.quantity()),
                Decimals.text(e.price()), e.exchange(), e.executedAt(), Decimals.text(e.commission()),
                e.commissionCurrency());
    }
}
