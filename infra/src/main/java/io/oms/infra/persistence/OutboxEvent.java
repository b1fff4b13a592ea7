package io.oms.infra.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * One domain event of the outbox. {@code id} is the publication order; {@code eventId} the stable id
 * consumers de-duplicate by; {@code payloadJson} a JSON document.
 */
public record OutboxEvent(
        long id,
        UUID eventId,
        String tenantId,
        String aggregateType,
        String aggregateId,
        String eventType,
        String payloadJson,
        Instant createdAt,
        Instant publishedAt) {}
