package io.oms.workflows.activities;

import io.oms.workflows.killswitch.KillSwitchKey;
import io.oms.workflows.killswitch.KillSwitchView;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The kill switch's side effects. Every method is idempotent (retries are safe). */
@ActivityInterface(namePrefix = "KillSwitch")
public interface KillSwitchActivities {

    /**
     * Writes the switch's state to the read table and its {@code killswitch.engaged}/{@code killswitch.released}
     * event to the outbox, in one transaction; a version already written is skipped.
     */
    @ActivityMethod
    void recordState(KillSwitchView view);

    /** The workflow ids of the orders in scope that are live (NEW or working, pending states included). */
    @ActivityMethod
    List<String> liveOrders(KillSwitchKey key);

    /** The names of every IB session (connection) that serves an account: a global switch cancels at each. */
    @ActivityMethod
    List<String> brokerConnections();

    /** Sends each order workflow its cancel update (accepted, not awaited); returns how many accepted it. */
    @ActivityMethod
    int cancelOrders(CancelOrders command);

    /** Cancel these order workflows on behalf of {@code actor}, with the reason the orders' audit trail shows. */
    record CancelOrders(List<String> workflowIds, String actor, String reason) {}
}
