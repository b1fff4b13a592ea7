package io.oms.infra.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * What an attempt sends: the delivery, its event (id, type, the outbox payload as stored, when it was created) and
 * where it goes. {@code state} is the delivery's stored state.
 */
public record DeliveryTarget(UUID deliveryId, String tenantId, UUID endpointId, UUID eventId, String eventType,
                            String state, String payloadJson, Instant eventCreatedAt) {}
