package io.oms.workflows.webhook;

/** A delivery's state, as stored in webhook_deliveries.state. DELIVERED and DEAD are settled. */
public enum DeliveryState {
    /** Waiting for its predecessor or for the next attempt. */
    PENDING,
    /** An attempt is under way. */
    DELIVERING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Out of attempts, or refused for good (4xx other than 408/429, endpoint deleted): in the dead-letter table. */
    DEAD;

    public boolean settled() {
        return this == DELIVERED || this == DEAD;
    }
}
