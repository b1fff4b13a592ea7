package io.oms.worker;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands items to a consumer off the caller's thread, in batches per key, without reordering a key's items:
 * every key hashes to one single-threaded lane, and a lane takes the oldest item together with every later
 * item of the same key already waiting. Under load batches grow, so the consumer is called less often.
 */
final class BatchingLanes<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingLanes.class);
    private static final int MAX_BATCH = 100;

    private record Keyed<T>(String key, T item) {}

    private final List<LinkedBlockingQueue<Keyed<T>>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final BiConsumer<String, List<T>> consumer;
    private volatile boolean closed;

    BatchingLanes(String name, int laneCount, BiConsumer<String, List<T>> consumer) {
        this.consumer = consumer;
        for (int i = 0; i < laneCount; i++) {
            LinkedBlockingQueue<Keyed<T>> queue = new LinkedBlockingQueue<>();
            Thread thread = new Thread(() -> drain(queue), name + "-lane-" + i);
            thread.setDaemon(true);
            queues.add(queue);
            threads.add(thread);
            thread.start();
        }
    }

    void submit(String key, T item) {
        queues.get(Math.floorMod(key.hashCode(), queues.size())).add(new Keyed<>(key, item));
    }

    private void drain(LinkedBlockingQueue<Keyed<T>> queue) {
        while (!closed || !queue.isEmpty()) {
            Keyed<T> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            List<T> batch = new ArrayList<>();
            batch.add(first.item());
            for (Iterator<Keyed<T>> it = queue.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
                Keyed<T> next = it.next();
                if (next.key().equals(first.key())) {
                    it.remove();
                    batch.add(next.item());
                }
            }
            try {
                consumer.accept(first.key(), batch);
            } catch (RuntimeException e) {
                log.error("lane consumer failed for {}: {}", first.key(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
