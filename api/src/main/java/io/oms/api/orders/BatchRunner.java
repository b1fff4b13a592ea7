package io.oms.api.orders;

import io.oms.api.error.ApiErrorHandler;
import io.oms.api.error.ErrorEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;

/**
 * Runs the items of one batch concurrently, at most {@link #PARALLELISM} at a time (each blocks until the broker
 * answers, so running them one by one would add their latencies up), and turns each outcome into the status and
 * body the single request would have answered. One item's failure never touches another's.
 */
final class BatchRunner {
    static final int MAX_ITEMS = 100;
    /** Per batch: enough to overlap broker round trips, few enough that one batch cannot take the whole pool. */
    static final int PARALLELISM = 8;

    private BatchRunner() {}

    static <T> BatchResults run(List<T> items, String traceId, Function<T, ResponseEntity<OrderResource>> action) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Semaphore permits = new Semaphore(PARALLELISM);
        List<Future<BatchResults.Item>> futures = new ArrayList<>(items.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return one(index, items.get(index), traceId, mdc, action);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<BatchResults.Item> results = new ArrayList<>(items.size());
            for (Future<BatchResults.Item> future : futures) {
                results.add(future.get());
            }
            return new BatchResults(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted while the batch was running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch item failed outside its own error handling", e.getCause());
        }
    }

    private static <T> BatchResults.Item one(int index, T item, String traceId, Map<String, String> mdc,
                                             Function<T, ResponseEntity<OrderResource>> action) {
        if (mdc != null) {
            MDC.setContextMap(mdc);
        }
        try {
            ResponseEntity<OrderResource> answer = action.apply(item);
            return new BatchResults.Item(index, answer.getStatusCode().value(), answer.getBody(), null);
        } catch (RuntimeException e) {
            ResponseEntity<ErrorEnvelope> answer = ApiErrorHandler.answerFor(e, traceId);
            return new BatchResults.Item(index, answer.getStatusCode().value(), null, answer.getBody());
        } finally {
            MDC.clear();
        }
    }
}
