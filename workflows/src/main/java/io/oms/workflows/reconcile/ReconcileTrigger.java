package io.oms.workflows.reconcile;

/** Why a run happened: the session (re)connected, the timers, or someone asked. */
public enum ReconcileTrigger {
    CONNECT, SCHEDULE, MANUAL;

    /** A (re)connect or a person asks for everything; the timers for one part at a time. */
    public boolean wantsFullRun() {
        return this != SCHEDULE;
    }
}
