package io.oms.server.health;

import io.oms.infra.config.BrokerProperties;
import io.oms.infra.persistence.BrokerConnectionRow;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.worker.WorkerLifecycle;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The IB session as its holder (the worker) last reported it in PostgreSQL, so an API-only process
 * can tell whether orders can reach the broker.
 */
@Component("broker")
public class BrokerHealth implements HealthIndicator {
    private final BrokerDirectory directory;
    private final BrokerProperties broker;

    public BrokerHealth(BrokerDirectory directory, BrokerProperties broker) {
        this.directory = directory;
        this.broker = broker;
    }

    /** A worker that died cannot say so: an UP report older than three report intervals counts as down. */
    static boolean isCurrentlyUp(BrokerConnectionRow c) {
        return "UP".equals(c.status()) && c.statusAt() != null
                && c.statusAt().isAfter(Instant.now().minus(WorkerLifecycle.STATUS_INTERVAL.multipliedBy(3)));
    }

    @Override
    public Health health() {
        return directory.connection(broker.connection())
                .map(c -> (isCurrentlyUp(c) ? Health.up() : Health.down())
                        .withDetail("connection", c.name())
                        .withDetail("status", c.status())
                        .withDetail("detail", c.statusDetail() == null ? "" : c.statusDetail())
                        .withDetail("since", String.valueOf(c.statusAt()))
                        .build())
                .orElseGet(() -> Health.down().withDetail("connection", broker.connection())
                        .withDetail("status", "UNKNOWN").build());
    }
}
