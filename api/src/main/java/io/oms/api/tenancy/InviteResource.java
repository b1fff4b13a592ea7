package io.oms.api.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.infra.identity.InviteRow;
import java.time.Instant;
import java.util.UUID;

/** An invite; its {@code token} only in the answer that created it (never stored, listed or audited). */
public record InviteResource(UUID id, String tenantId, String email, String role, String status, String createdBy,
                             Instant createdAt, Instant expiresAt, Instant acceptedAt, UUID acceptedBy,
                             Instant revokedAt, @JsonInclude(JsonInclude.Include.NON_NULL) String token) {
    static InviteResource of(InviteRow row, Instant now) {
        return withToken(row, now, null);
    }

    static InviteResource withToken(InviteRow row, Instant now, String token) {
        return new InviteResource(row.id(), row.tenantId(), row.email(), row.role().name(), row.status(now).name(),
                row.createdBy(), row.createdAt(), row.expiresAt(), row.acceptedAt(), row.acceptedBy(), row.revokedAt(),
                token);
    }

    @Override
    public String toString() {
        return "InviteResource[" + id + ", " + role + "]"; // never the token or the email
    }
}
