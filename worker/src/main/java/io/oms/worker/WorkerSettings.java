package io.oms.worker;

import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/**
 * How the OMS's Temporal workers run, in one place: the worker configuration uses it, and so does
 * {@code oms bench temporal}, whose figures are only Temporal's floor under the OMS if its worker runs the same.
 */
public final class WorkerSettings {
    private WorkerSettings() {}

    /** Virtual workflow threads, and a cache of 2,000 workflows (open orders stay warm). */
    public static WorkerFactoryOptions factory() {
        return WorkerFactoryOptions.newBuilder()
                .setUsingVirtualWorkflowThreads(true)
                .setWorkflowCacheSize(2_000)
                .build();
    }

    /** Four workflow-task and four activity-task pollers; {@code stickyScheduleToStart} zero turns sticky execution off. */
    public static WorkerOptions workers(Duration stickyScheduleToStart) {
        return WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskPollers(4)
                .setMaxConcurrentActivityTaskPollers(4)
                .setStickyQueueScheduleToStartTimeout(stickyScheduleToStart)
                .build();
    }
}
