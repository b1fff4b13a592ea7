package io.oms.workflows.killswitch;

import io.oms.workflows.activities.KillSwitchActivities;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the workflow did and plays the broker: a canceled order stops being live at once, except the
 * stubborn ones; {@link #liveLater} adds orders that go live after the first listing.
 */
final class FakeKillSwitchActivities implements KillSwitchActivities {
    final List<KillSwitchView> recorded = new CopyOnWriteArrayList<>();
    final List<String> canceled = new CopyOnWriteArrayList<>();
    final Set<String> live = ConcurrentHashMap.newKeySet();
    final Set<String> stubborn = ConcurrentHashMap.newKeySet();
    final List<String> liveLater = new CopyOnWriteArrayList<>();
    volatile int listings;
    volatile List<String> connections = List.of("sim");

    @Override
    public void recordState(KillSwitchView view) {
        recorded.add(view);
    }

    @Override
    public List<String> liveOrders(KillSwitchKey key) {
        listings++;
        if (listings == 2) {
            live.addAll(liveLater);
        }
        List<String> ids = new ArrayList<>(live);
        Collections.sort(ids);
        return ids;
    }

    @Override
    public List<String> brokerConnections() {
        return connections;
    }

    @Override
    public int cancelOrders(CancelOrders command) {
        canceled.addAll(command.workflowIds());
        for (String id : command.workflowIds()) {
            if (!stubborn.contains(id)) {
                live.remove(id);
            }
        }
        return command.workflowIds().size();
    }
}
