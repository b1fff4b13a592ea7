package io.oms.workflows.webhook;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * What a delivery workflow starts with. {@code predecessor}: the delivery it must wait for (null: none, or a
 * redelivery, which never waits). {@code firstAttempt}: the number of its first attempt (1, or one more than the
 * attempts already recorded when redelivered). {@code retrySchedule}: the waits between attempts.
 */
public record DeliveryInput(UUID deliveryId, String tenantId, UUID predecessor, int firstAttempt,
                            List<Duration> retrySchedule) {
    public DeliveryInput {
        if (deliveryId == null || tenantId == null) throw new IllegalArgumentException("delivery id and tenant are required");
        if (firstAttempt < 1) throw new IllegalArgumentException("attempts are numbered from 1");
        retrySchedule = List.copyOf(retrySchedule);
    }

    public static DeliveryInput first(UUID deliveryId, String tenantId, UUID predecessor, List<Duration> retrySchedule) {
        return new DeliveryInput(deliveryId, tenantId, predecessor, 1, retrySchedule);
    }

    public static DeliveryInput redelivery(UUID deliveryId, String tenantId, int attemptsSoFar, List<Duration> retrySchedule) {
        return new DeliveryInput(deliveryId, tenantId, null, attemptsSoFar + 1, retrySchedule);
    }
}
