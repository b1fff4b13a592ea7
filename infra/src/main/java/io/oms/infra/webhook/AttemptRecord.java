package io.oms.infra.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of webhook_attempts. {@code outcome}: DELIVERED, RETRY or FAILED; {@code statusCode} and
 * {@code latencyMs} null when no response came (or no request went).
 */
public record AttemptRecord(UUID deliveryId, String tenantId, int attempt, Instant startedAt, Integer latencyMs,
                            Integer statusCode, String outcome, String error, String responseExcerpt) {}
