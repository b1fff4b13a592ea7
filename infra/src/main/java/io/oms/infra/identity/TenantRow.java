package io.oms.infra.identity;

import java.time.Instant;

/** A tenant as system administrators see it; deactivated ones are kept (their orders and audit refer to them). */
public record TenantRow(String id, String name, Instant createdAt, Instant deactivatedAt) {
    public boolean active() {
        return deactivatedAt == null;
    }
}
