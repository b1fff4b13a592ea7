package io.oms.workflows.killswitch;

import java.time.Instant;

/**
 * A switch as it stands: state, why and by whom it was last changed, when, how many transitions it has had
 * ({@code version}, also the order of its rows in the read table), and the last engagement's sweep.
 */
public record KillSwitchView(KillSwitchKey key, TradingState state, String reasonCode, String reason, String actor,
                             Instant changedAt, long version, CancelSweep lastSweep) {

    public static KillSwitchView active(KillSwitchKey key) {
        return new KillSwitchView(key, TradingState.ACTIVE, null, null, null, null, 0, null);
    }

    KillSwitchView engaged(EngageRequest request, Instant now) {
        return new KillSwitchView(key, request.state(), request.reasonCode(), request.reason(), request.actor(), now,
                version + 1, null);
    }

    KillSwitchView released(ReleaseRequest request, Instant now) {
        return new KillSwitchView(key, TradingState.ACTIVE, null, request.reason(), request.actor(), now, version + 1, null);
    }

    KillSwitchView withSweep(CancelSweep sweep) {
        return new KillSwitchView(key, state, reasonCode, reason, actor, changedAt, version, sweep);
    }
}
