package io.oms.workflows.killswitch;

/** The workflow's argument: its key, the state carried over from the previous run (null: new), and N for continue-as-new. */
public record KillSwitchInput(KillSwitchKey key, KillSwitchView carried, int continueAfter) {
    public static KillSwitchInput fresh(KillSwitchKey key) {
        return new KillSwitchInput(key, null, KillSwitchContract.CONTINUE_AFTER_TRANSITIONS);
    }
}
