package io.oms.api.risk;

import io.oms.infra.risk.Restriction;
import java.time.Instant;

/** A restricted account as the API shows it: why, who restricted it (null for rows written by hand) and when. */
public record RestrictedAccountResource(String account, String reason, String createdBy, Instant createdAt,
                                        Instant updatedAt) {

    static RestrictedAccountResource of(Restriction r) {
        return new RestrictedAccountResource(r.key(), r.reason(), r.createdBy(), r.createdAt(), r.updatedAt());
    }
}
