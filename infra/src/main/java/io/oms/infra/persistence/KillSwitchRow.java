package io.oms.infra.persistence;

import java.time.Instant;

/** A kill switch's current state as written by its workflow (scope and state by name). */
public record KillSwitchRow(String tenantId, String scope, String scopeId, String state, String reasonCode,
                            String reason, String actor, Instant changedAt, long version) {
    public boolean engaged() {
        return !"ACTIVE".equals(state);
    }
}
