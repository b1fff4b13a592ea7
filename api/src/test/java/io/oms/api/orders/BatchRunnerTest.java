package io.oms.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.workflows.domain.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class BatchRunnerTest {

    private static OrderResource order(String id) {
        return new OrderResource(id, "c-" + id, "DU1", "AAPL", "BUY", "LMT", "1", "1", null, null, null, "DAY", null, false,
                "ROUTED", "0", null,
                1, 1L, null, 1, Instant.EPOCH, Instant.EPOCH, null, java.util.List.of(), "OMS");
    }

    @Test
    void answersEveryItemInRequestOrderWithTheSingleRequestsStatusOrError() {
        BatchResults results = BatchRunner.run(List.of("a", "bad", "gone", "boom"), "trace-1", item -> switch (item) {
            case "bad" -> throw ApiException.validation(List.of(new FieldProblem("qty", "must be greater than 0")));
            case "gone" -> throw ApiException.notFound("order gone");
            case "boom" -> throw new IllegalStateException("a bug");
            default -> ResponseEntity.status(201).body(order(item));
        });

        assertThat(results.results()).extracting(BatchResults.Item::index).containsExactly(0, 1, 2, 3);
        assertThat(results.results()).extracting(BatchResults.Item::status).containsExactly(201, 400, 404, 500);
        assertThat(results.results().get(0).order().id()).isEqualTo("a");
        assertThat(results.results().get(0).error()).isNull();
        assertThat(results.results().get(1).order()).isNull();
        assertThat(results.results().get(1).error().code()).isEqualTo(ErrorCode.VALIDATION_ERROR.name());
        assertThat(results.results().get(1).error().details()).containsExactly(new FieldProblem("qty", "must be greater than 0"));
        assertThat(results.results().get(1).error().traceId()).isEqualTo("trace-1");
        assertThat(results.results().get(2).error().code()).isEqualTo(ErrorCode.NOT_FOUND.name());
        assertThat(results.results().get(3).error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR.name());
        assertThat(results.results().get(3).error().message()).doesNotContain("a bug");
    }

    @Test
    void runsItemsConcurrentlyButNeverMoreThanTheBound() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // The first PARALLELISM items meet at a latch: the batch only finishes if they really run together.
        CountDownLatch together = new CountDownLatch(BatchRunner.PARALLELISM);
        List<Integer> items = IntStream.range(0, BatchRunner.MAX_ITEMS).boxed().toList();

        BatchResults results = BatchRunner.run(items, "t", item -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                together.countDown();
                assertThat(together.await(10, TimeUnit.SECONDS)).isTrue();
                return ResponseEntity.ok(order(String.valueOf(item)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        });

        assertThat(results.results()).extracting(BatchResults.Item::status).containsOnly(200);
        assertThat(results.results()).extracting(r -> r.order().id())
                .containsExactlyElementsOf(items.stream().map(String::valueOf).toList());
        assertThat(most.get()).isEqualTo(BatchRunner.PARALLELISM);
    }
}
