package io.oms.api.events;

import io.oms.api.error.ApiException;
import io.oms.infra.config.ApiRole;
import io.oms.infra.outbox.InProcessEventBus;
import io.oms.infra.outbox.PublishedEvents;
import io.oms.workflows.domain.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one hub of an API process's event streams. While any stream is open it asks the outbox, every
 * {@link #POLL_INTERVAL} (sooner after the in-process bus saw the relay publish), which tenants had events
 * published since its last look (one query for all tenants) and wakes those tenants' streams; each stream then
 * reads its tenant's events after its own position. Gap-free by construction: a stream always reads everything
 * after its position in publication order, and also looks on its own at every heartbeat, so a missed wake-up
 * delays an event by one heartbeat at most and never loses it. The look-back {@link #OVERLAP} covers relay passes
 * whose commit came after their {@code published_at} stamp (and clock skew between worker processes).
 */
@ApiRole
@Component
public class EventStreamHub implements SmartLifecycle {
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    static final Duration NUDGED_POLL_INTERVAL = Duration.ofMillis(25);
    static final Duration NUDGE_WINDOW = Duration.ofSeconds(1);
    static final Duration OVERLAP = Duration.ofSeconds(2);
    /** Streams one tenant may hold open at once in one process; one more answers 429. */
    public static final int MAX_PER_TENANT = 20;
    private static final Logger log = LoggerFactory.getLogger(EventStreamHub.class);

    private final PublishedEvents events;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Set<StreamConnection>> streams = new ConcurrentHashMap<>();
    private final Map<String, Instant> notified = new ConcurrentHashMap<>();
    private final Semaphore nudges = new Semaphore(0);
    private final AutoCloseable subscription;
    private volatile Instant nudgedUntil = Instant.MIN;
    private volatile Thread thread;
    private volatile boolean running;
    private Instant since;

    public EventStreamHub(PublishedEvents events, InProcessEventBus bus) {
        this.events = events;
        // Where this process runs the relay, a publication is the cue to look soon (the events become visible when
        // the relay's pass commits, a moment later, hence the short burst of quicker polls).
        this.subscription = bus.subscribe(event -> nudge());
    }

    /** Opens a stream of the tenant; 429 RATE_LIMITED when it already has {@link #MAX_PER_TENANT}. */
    StreamConnection open(String tenantId) {
        StreamConnection connection = new StreamConnection(tenantId);
        Set<StreamConnection> tenant = streams.computeIfAbsent(tenantId, t -> ConcurrentHashMap.newKeySet());
        synchronized (tenant) {
            if (tenant.size() >= MAX_PER_TENANT) {
                throw new ApiException(ErrorCode.RATE_LIMITED, "the tenant already has " + MAX_PER_TENANT
                        + " event streams open", List.of(), "close a stream, or wait and reconnect with Last-Event-ID", 5L);
            }
            tenant.add(connection);
        }
        return connection;
    }

    void close(StreamConnection connection) {
        connection.close();
        Set<StreamConnection> tenant = streams.get(connection.tenantId());
        if (tenant != null) {
            synchronized (tenant) {
                tenant.remove(connection);
            }
        }
    }

    int openStreams(String tenantId) {
        Set<StreamConnection> tenant = streams.get(tenantId);
        return tenant == null ? 0 : tenant.size();
    }

    void nudge() {
        nudgedUntil = clock.instant().plus(NUDGE_WINDOW);
        if (nudges.availablePermits() == 0) nudges.release();
    }

    private void run() {
        since = clock.instant().minus(OVERLAP);
        while (running) {
            try {
                boolean nudged = clock.instant().isBefore(nudgedUntil);
                nudges.tryAcquire((nudged ? NUDGED_POLL_INTERVAL : POLL_INTERVAL).toMillis(), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
                if (running) poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("event stream hub poll failed, will retry: {}", e.toString());
            }
        }
    }

    private void poll() {
        if (streams.values().stream().allMatch(Set::isEmpty)) {
            since = clock.instant().minus(OVERLAP); // nobody listens: start afresh when someone does
            notified.clear();
            return;
        }
        Instant latest = since.plus(OVERLAP);
        for (PublishedEvents.TenantActivity activity : events.activitySince(since)) {
            if (activity.latest().isAfter(latest)) latest = activity.latest();
            Instant before = notified.put(activity.tenantId(), activity.latest());
            if (before != null && !activity.latest().isAfter(before)) continue;
            Set<StreamConnection> tenant = streams.get(activity.tenantId());
            if (tenant != null) tenant.forEach(StreamConnection::wake);
        }
        since = latest.minus(OVERLAP);
        notified.values().removeIf(at -> at.isBefore(since));
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::run, "event-stream-hub");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Closes every stream (their clients reconnect, elsewhere or later, with Last-Event-ID) and stops polling. */
    @Override
    public void stop() {
        running = false;
        streams.values().forEach(tenant -> tenant.forEach(StreamConnection::close));
        Thread t = thread;
        if (t != null) t.interrupt();
        try {
            subscription.close();
        } catch (Exception e) {
            log.debug("closing the bus subscription failed: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first, before the web server, so open streams end promptly. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
