package io.oms.infra.identity;

import java.time.Instant;
import java.util.UUID;

/** An invitation to join a tenant with a role; only the hash of its token is stored. */
public record InviteRow(UUID id, String tenantId, String email, Role role, String tokenHash, String createdBy,
                        Instant createdAt, Instant expiresAt, Instant acceptedAt, UUID acceptedBy, Instant revokedAt) {

    public enum Status { PENDING, ACCEPTED, REVOKED, EXPIRED }

    public Status status(Instant now) {
        if (acceptedAt != null) return Status.ACCEPTED;
        if (revokedAt != null) return Status.REVOKED;
        return expiresAt.isAfter(now) ? Status.PENDING : Status.EXPIRED;
    }
}
