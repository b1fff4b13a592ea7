package io.oms.activities.reconcile;

import java.time.Duration;

/**
 * How long a run gives things. {@code settle}: before calling a difference drift, the run looks again this much later,
 * because a live event may be on its way (a fill signalled but not yet recorded). {@code brokerRequest}: each IB request.
 * {@code fillsRecorded}: how long to wait for the order workflows to record the fills handed to them before positions
 * are compared. {@code unknownAfter}: an order younger than this may not have reached IB yet.
 */
public record ReconcileTimings(Duration settle, Duration brokerRequest, Duration fillsRecorded, Duration unknownAfter) {

    public static ReconcileTimings defaults() {
        return new ReconcileTimings(Duration.ofMillis(1_500), Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }
}
