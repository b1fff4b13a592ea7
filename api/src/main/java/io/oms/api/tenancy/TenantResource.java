package io.oms.api.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.infra.identity.TenantRow;
import java.time.Instant;

/** A tenant; {@code invite} (with its one-time token) only in the answer that created it with an admin email. */
public record TenantResource(String id, String name, boolean active, Instant createdAt, Instant deactivatedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) InviteResource invite) {
    static TenantResource of(TenantRow row) {
        return new TenantResource(row.id(), row.name(), row.active(), row.createdAt(), row.deactivatedAt(), null);
    }

    TenantResource withInvite(InviteResource invite) {
        return new TenantResource(id, name, active, createdAt, deactivatedAt, invite);
    }
}
