package io.oms.api.risk;

import io.oms.infra.risk.Restriction;
import java.time.Instant;

/** A restricted symbol as the API shows it: why, who restricted it (null for rows older than the API) and when. */
public record RestrictedSymbolResource(String symbol, String reason, String createdBy, Instant createdAt,
                                       Instant updatedAt) {

    static RestrictedSymbolResource of(Restriction r) {
        return new RestrictedSymbolResource(r.key(), r.reason(), r.createdBy(), r.createdAt(), r.updatedAt());
    }
}
