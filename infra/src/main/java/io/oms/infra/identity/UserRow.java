package io.oms.infra.identity;

import java.time.Instant;
import java.util.UUID;

/** A user as stored (the password hash never leaves the identity services). */
public record UserRow(UUID id, String email, String displayName, String passwordHash, boolean systemAdmin,
                      Instant createdAt, Instant disabledAt, int failedLogins, Instant lockedUntil) {
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
