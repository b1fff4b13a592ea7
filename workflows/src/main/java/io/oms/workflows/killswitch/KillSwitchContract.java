package io.oms.workflows.killswitch;

import io.oms.workflows.order.OrderWorkflowContract;

/**
 * The kill-switch workflow's contract: one long-running entity workflow per scope, addressed by
 * {@code killswitch/{tenant}/{scope}/{id}} (the global switch: {@code killswitch/_system/global/global}).
 */
public final class KillSwitchContract {
    /** With the order workflows and the database activities. */
    public static final String TASK_QUEUE = OrderWorkflowContract.TASK_QUEUE;

    public static final String WORKFLOW_TYPE = "KillSwitch";
    public static final String UPDATE_ENGAGE = "engage";
    public static final String UPDATE_RELEASE = "release";
    public static final String QUERY_STATE = "state";

    /** The tenant id the global switch is filed under (it is nobody's tenant). */
    public static final String SYSTEM_TENANT = "_system";
    public static final String GLOBAL_ID = "global";

    /** Transitions per run before the workflow continues as new, so its history stays short. */
    public static final int CONTINUE_AFTER_TRANSITIONS = 100;

    private static final String PREFIX = "killswitch/";

    private KillSwitchContract() {}

    public static String workflowId(KillSwitchKey key) {
        return PREFIX + key.tenantId() + "/" + key.scope().name().toLowerCase(java.util.Locale.ROOT) + "/" + key.scopeId();
    }
}
