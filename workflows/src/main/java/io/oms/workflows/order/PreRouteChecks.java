package io.oms.workflows.order;

import io.oms.workflows.domain.TimeInForce;
import java.time.Instant;
import java.util.Optional;

/**
 * The checks an order passes inside its workflow before anything is sent to IB; a failed one ends the order
 * DENIED. Pure and deterministic (workflow time only). The risk engine joins as an activity called right after
 * these, from the same place in the workflow ({@code OrderWorkflowImpl.preRouteDenial}).
 */
final class PreRouteChecks {
    private PreRouteChecks() {}

    /** Why the order must not be routed at {@code now}, or empty. */
    static Optional<String> denial(OrderView order, Instant expiresAt, Instant now) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Optional.of(order.timeInForce() == TimeInForce.GTD
                    ? "the GTD expiry " + expiresAt + " has already passed"
                    : "the session of this DAY order closed at " + expiresAt + " before it could be routed");
        }
        return Optional.empty();
    }
}
