package io.oms.ib.sim;

import java.util.ArrayList;

/**
 * IB-side connectivity (the API socket stays up): 1100 lost, then 1101 (restored, market data lost: every
 * subscription is gone and must be re-requested) or 1102 (restored, data maintained: ticks resume).
 */
final class Connectivity {
    static final String LOST = "Connectivity between IB and Trader Workstation has been lost.";
    static final String RESTORED_DATA_LOST =
            "Connectivity between IB and Trader Workstation has been restored - data lost.";
    static final String RESTORED_DATA_KEPT =
            "Connectivity between IB and Trader Workstation has been restored - data maintained.";

    private final SimEngine e;

    Connectivity(SimEngine engine) { this.e = engine; }

    void lose() {
        if (e.faults.connectivityLost) return;
        e.faults.connectivityLost = true;
        broadcast(1100, LOST);
    }

    void restore(boolean dataLost) {
        if (!e.faults.connectivityLost) return;
        e.faults.connectivityLost = false;
        broadcast(dataLost ? 1101 : 1102, dataLost ? RESTORED_DATA_LOST : RESTORED_DATA_KEPT);
        if (dataLost) {
            e.marketData.clear();
        } else {
            e.marketData.publishAll();
        }
        e.matching.crossResting(); // held stops elect late, as IB's simulated orders do after a reset
    }

    private void broadcast(int code, String text) {
        for (SimSession s : new ArrayList<>(e.sessions.values())) s.send(e.error(-1, code, text));
    }
}
