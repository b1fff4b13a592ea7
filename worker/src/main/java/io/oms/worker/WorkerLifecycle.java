package io.oms.worker;

import io.oms.ib.client.ConnectorHealth;
import io.oms.ib.client.IbConnector;
import io.oms.infra.persistence.BrokerDirectory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Opens the IB session and starts polling Temporal once the application is ready; on shutdown stops
 * polling first (letting running tasks finish) and then closes the session.
 */
public final class WorkerLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WorkerLifecycle.class);
    /** How often the session's state is written for the API's health check; it treats older reports as stale. */
    public static final Duration STATUS_INTERVAL = Duration.ofSeconds(5);

    private final WorkerFactory factory;
    private final IbConnector connector;
    private final BrokerDirectory directory;
    private final String connection;
    private final ScheduledExecutorService statusReporter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "broker-status");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;

    WorkerLifecycle(WorkerFactory factory, IbConnector connector, BrokerDirectory directory, String connection) {
        this.factory = factory;
        this.connector = connector;
        this.directory = directory;
        this.connection = connection;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        connector.start();
        factory.start();
        running = true;
        statusReporter.scheduleWithFixedDelay(this::reportStatus, STATUS_INTERVAL.toMillis(), STATUS_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("worker started: polling Temporal, IB session connecting");
    }

    @Override
    public void start() {}

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        statusReporter.shutdownNow();
        factory.shutdown();
        factory.awaitTermination(10, TimeUnit.SECONDS);
        connector.close();
        directory.updateStatus(connection, "DOWN", "worker stopped");
    }

    private void reportStatus() {
        try {
            // The breaker's view, not just the socket's: IB's own link (1100) or a flapping session count as down.
            ConnectorHealth health = connector.health();
            directory.updateStatus(connection, BrokerEventRouter.status(health), health.reason());
        } catch (RuntimeException e) {
            log.warn("could not report the IB session status: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
