package io.oms.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends signals off the connector's dispatch thread without reordering them per order: every order ref
 * hashes to one single-threaded lane, so one order's events keep their wire order while different
 * orders proceed in parallel.
 */
final class SignalDispatcher implements AutoCloseable {
    private final List<ExecutorService> lanes = new ArrayList<>();

    SignalDispatcher(String name, int laneCount) {
        for (int i = 0; i < laneCount; i++) {
            String thread = name + "-signal-" + i;
            lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, thread);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    void submit(String orderRef, Runnable send) {
        lanes.get(Math.floorMod(orderRef.hashCode(), lanes.size())).execute(send);
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
