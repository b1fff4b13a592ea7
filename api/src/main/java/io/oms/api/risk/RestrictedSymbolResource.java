package io.oms.api.risk;

import io.oms.infra.risk.RestrictedSymbol;
import java.time.Instant;

/** A restricted symbol as the API shows it: why, who restricted it (null for rows older than the API) and when. */
public record RestrictedSymbolResource(String symbol, String reason, String createdBy, Instant createdAt,
                                       Instant updatedAt) {

    static RestrictedSymbolResource of(RestrictedSymbol r) {
        return new RestrictedSymbolResource(r.symbol(), r.reason(), r.createdBy(), r.createdAt(), r.updatedAt());
    }
}
