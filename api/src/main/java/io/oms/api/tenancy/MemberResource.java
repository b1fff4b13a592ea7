package io.oms.api.tenancy;

import io.oms.infra.identity.Member;
import java.time.Instant;
import java.util.UUID;

/** A member of the caller's tenant. */
public record MemberResource(String tenantId, UUID userId, String email, String displayName, String role,
                             Instant createdAt) {
    static MemberResource of(Member m) {
        return new MemberResource(m.tenantId(), m.userId(), m.email(), m.displayName(), m.role().name(), m.createdAt());
    }
}
