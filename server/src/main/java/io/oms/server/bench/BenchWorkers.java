package io.oms.server.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** The worker pool of the HTTP benchmarks. */
final class BenchWorkers {
    private BenchWorkers() {}

    /**
     * Runs task(0..count-1) on at most {@code concurrency} daemon threads named {@code threadPrefix<n>} and waits
     * for all of them. Each task is bounded by its own request timeouts; {@code backstop} only guards against a
     * worker that never returns.
     */
    static void run(int count, int concurrency, String threadPrefix, Duration backstop, IntConsumer task)
            throws InterruptedException {
        if (count <= 0) {
            return;
        }
        int threads = Math.min(concurrency, count);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name(threadPrefix, 0).factory());
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement(); i < count && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
                        task.accept(i);
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(backstop.toMinutes(), TimeUnit.MINUTES)) {
                throw new IllegalStateException("benchmark workers did not finish in time");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
