package io.oms.infra.persistence;

import java.time.Instant;

/**
 * One audit entry. {@code beforeJson}/{@code afterJson} are JSON documents (or null). An entry is
 * idempotent per (tenant, resource type, resource id, resource version, action).
 */
public record AuditRecord(
        String tenantId,
        Instant at,
        String actor,
        String action,
        String resourceType,
        String resourceId,
        Long resourceVersion,
        String beforeJson,
        String afterJson,
        String detail,
        String ip,
        String userAgent) {}
