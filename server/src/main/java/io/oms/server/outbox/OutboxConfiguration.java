package io.oms.server.outbox;

import io.oms.infra.config.OutboxRelayProperties;
import io.oms.infra.outbox.InProcessEventBus;
import io.oms.infra.outbox.OutboxRelay;
import io.oms.infra.outbox.OutboxRelayLoop;
import io.oms.infra.persistence.OutboxRepository;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Domain events: the in-process event bus (every process has one to subscribe to), and the outbox relay feeding
 * it. The relay runs in worker processes (where the ledger writes the events) unless disabled; with several
 * workers, PostgreSQL's advisory lock lets one publish at a time. Subscribers in an API-only process see events
 * once a cross-process adapter (Redis) is plugged in as the relay's publisher.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    InProcessEventBus inProcessEventBus() {
        return new InProcessEventBus();
    }

    @Bean
    @ConditionalOnExpression("${oms.roles.worker:false} and ${oms.outbox.relay.enabled:true}")
    OutboxRelayLoop outboxRelayLoop(TransactionTemplate tx, JdbcClient jdbc, OutboxRepository outbox,
                                    InProcessEventBus bus, OutboxRelayProperties settings) {
        OutboxRelay relay = new OutboxRelay(tx, jdbc, outbox, bus, settings.batchSize(), Clock.systemUTC());
        return new OutboxRelayLoop(relay, settings, Clock.systemUTC());
    }
}
