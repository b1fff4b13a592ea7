package io.oms.workflows.activities;

import java.time.Duration;
import java.util.UUID;

/**
 * One attempt of a delivery. {@code attempt}: its number (1-based, across redeliveries; a retried activity keeps it,
 * so the attempt row is written once). {@code plannedWait}: the wait before the next attempt if this one asks for a
 * retry (schedule wait with jitter), null for the last attempt; the activity stores when the next attempt is due.
 */
public record AttemptRequest(UUID deliveryId, String tenantId, int attempt, Duration plannedWait) {}
