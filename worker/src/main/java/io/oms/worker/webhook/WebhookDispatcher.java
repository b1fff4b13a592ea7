package io.oms.worker.webhook;

import io.oms.infra.webhook.WebhookDeliveryRepository;
import io.oms.infra.webhook.WebhookDeliveryRepository.Undispatched;
import io.oms.workflows.webhook.DeliveryInput;
import io.oms.workflows.webhook.WebhookDeliveryClient;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the workflow {@code webhook/{id}} of each new delivery and stamps its dispatched_at. New deliveries wait
 * in a bounded queue drained by a few threads, each starting a batch and stamping it with one statement. Nothing
 * here is needed for correctness: a delivery that is dropped (full queue, Temporal unreachable, process killed)
 * keeps dispatched_at null and {@link WebhookSweep} starts it later; starting one twice is harmless, since
 * {@link WebhookDeliveryClient#startFirst} refuses a workflow id that already ran.
 */
public final class WebhookDispatcher implements SmartLifecycle {
    static final int QUEUE_CAPACITY = 20_000;
    static final int THREADS = 8;
    static final int BATCH = 16;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WorkflowClient client;
    private final WebhookDeliveryRepository deliveries;
    private final List<Duration> retrySchedule;
    private final Clock clock;
    private final BlockingQueue<Undispatched> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    /** Ids queued or being started here, so the sweep leaves them alone while the queue is long. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger threadCount = new AtomicInteger();
    private ExecutorService threads;
    private volatile boolean running;

    public WebhookDispatcher(WorkflowClient client, WebhookDeliveryRepository deliveries, List<Duration> retrySchedule,
                             Clock clock) {
        this.client = client;
        this.deliveries = deliveries;
        this.retrySchedule = List.copyOf(retrySchedule);
        this.clock = clock;
    }

    /** Queues new deliveries; those that do not fit (or arrive while stopped) are left to the sweep. */
    public void offer(List<Undispatched> created) {
        for (Undispatched d : created) {
            held.add(d.id());
            if (!running || !queue.offer(d)) {
                held.remove(d.id());
                if (dropped.getAndIncrement() % 1_000 == 0) {
                    log.warn("webhook dispatch queue {}; the sweep starts the deliveries left out ({} so far)",
                            running ? "full" : "stopped", dropped.get());
                }
            }
        }
    }

    /**
     * Starts these deliveries' workflows now, on the calling thread, and stamps the ones started (or found already
     * started); returns how many it stamped. Failures are logged and leave the row for the sweep.
     */
    public int dispatch(List<Undispatched> batch) {
        List<UUID> started = new ArrayList<>(batch.size());
        for (Undispatched d : batch) {
            try {
                WebhookDeliveryClient.startFirst(client, DeliveryInput.first(d.id(), d.tenantId(), d.predecessorId(),
                        retrySchedule));
                started.add(d.id());
            } catch (RuntimeException e) {
                log.warn("cannot start webhook delivery {} yet, the sweep retries: {}", d.id(), e.toString());
            }
        }
        try {
            return deliveries.markDispatched(started, clock.instant());
        } catch (RuntimeException e) {
            // started but unstamped: the sweep offers them again and startFirst finds them running
            log.warn("cannot stamp {} started webhook deliveries: {}", started.size(), e.toString());
            return 0;
        }
    }

    private void drain() {
        List<Undispatched> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Undispatched first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                dispatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("webhook dispatch pass failed: {}", e.toString());
            } finally {
                batch.forEach(d -> held.remove(d.id()));
                batch.clear();
            }
        }
    }

    /** Whether this dispatcher has the delivery queued or is starting it. */
    public boolean holds(UUID deliveryId) {
        return held.contains(deliveryId);
    }

    /** Deliveries waiting in the queue (for tests and metrics). */
    public int queued() {
        return queue.size();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        threads = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "webhook-dispatch-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < THREADS; i++) {
            threads.execute(this::drain);
        }
    }

    /** Lets the batches in progress finish (bounded); what is still queued stays undispatched for the sweep. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        queue.clear();
        held.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
