package io.oms.workflows.killswitch;

import io.oms.workflows.activities.KillSwitchActivities;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cancels every live order in scope and verifies none is left: each round lists the live orders, sends a cancel
 * to those not asked yet (orders that went live after the first listing are caught too), and ends when none is
 * live or when {@link #TIMEOUT} has passed. Bounded by the timeout and by {@link #MAX_ROUNDS}.
 */
final class Sweep {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_ROUNDS = 200;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(1);

    private final KillSwitchActivities activities;
    private final KillSwitchKey key;
    private final String actor;
    private final String reason;

    Sweep(KillSwitchActivities activities, KillSwitchKey key, String actor, String reason) {
        this.activities = activities;
        this.key = key;
        this.actor = actor;
        this.reason = reason;
    }

    CancelSweep run() {
        long deadline = Workflow.currentTimeMillis() + TIMEOUT.toMillis();
        Set<String> asked = new LinkedHashSet<>();
        Duration pause = FIRST_PAUSE;
        List<String> live = List.of();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            live = activities.liveOrders(key);
            List<String> fresh = live.stream().filter(id -> !asked.contains(id)).toList();
            if (!fresh.isEmpty()) {
                activities.cancelOrders(new KillSwitchActivities.CancelOrders(fresh, actor, reason));
                asked.addAll(fresh);
            }
            if (live.isEmpty() || Workflow.currentTimeMillis() >= deadline) {
                break;
            }
            Workflow.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
        }
        Set<String> stillLive = new LinkedHashSet<>(live);
        int confirmed = (int) asked.stream().filter(id -> !stillLive.contains(id)).count();
        return new CancelSweep(asked.size(), confirmed, live.size());
    }
}
