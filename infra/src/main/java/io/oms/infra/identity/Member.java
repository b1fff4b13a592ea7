package io.oms.infra.identity;

import java.time.Instant;
import java.util.UUID;

/** A user's membership of a tenant, with what the member list shows of the user. */
public record Member(String tenantId, UUID userId, String email, String displayName, Role role, Instant createdAt) {}
