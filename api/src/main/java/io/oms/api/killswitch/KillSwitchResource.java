package io.oms.api.killswitch;

import io.oms.infra.persistence.KillSwitchRow;
import io.oms.workflows.killswitch.CancelSweep;
import io.oms.workflows.killswitch.Engagement;
import io.oms.workflows.killswitch.KillSwitchView;

/**
 * A kill switch as the API shows it. {@code changed} and {@code cancels} only in answers to engage and release:
 * {@code cancels} is the sweep of the engagement (the last one when engaging again changed nothing).
 */
record KillSwitchResource(String scope, String scopeId, String state, String reasonCode, String reason,
                          String changedBy, String changedAt, Boolean changed, Cancels cancels) {

    record Cancels(int requested, int confirmed, int stillWorking) {
        static Cancels of(CancelSweep sweep) {
            return sweep == null ? null : new Cancels(sweep.cancelRequested(), sweep.cancelConfirmed(), sweep.stillWorking());
        }
    }

    static KillSwitchResource of(Engagement engagement) {
        KillSwitchView v = engagement.view();
        return new KillSwitchResource(v.key().scope().name(), v.key().scopeId(), v.state().name(), v.reasonCode(),
                v.reason(), v.actor(), v.changedAt() == null ? null : v.changedAt().toString(), engagement.changed(),
                Cancels.of(v.lastSweep()));
    }

    static KillSwitchResource of(KillSwitchRow row) {
        return new KillSwitchResource(row.scope(), row.scopeId(), row.state(), row.reasonCode(), row.reason(),
                row.actor(), row.changedAt().toString(), null, null);
    }
}
